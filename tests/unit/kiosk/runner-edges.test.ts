/**
 * The delivery runner at its edges: the retry horizon is exact and applies
 * only to answers that would be retried; a request purged while its page is
 * still being retried leaves the queue quietly; and an update queued for a
 * desk that has since become a webhook is dropped, not sent.
 */
import { describe, expect, it } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

/** A webhook whose n-th answer (from 0) is scripted, with a clock it can move as it answers. */
async function kioskWithHorizon(answer: (index: number, clock: { now: number }) => { status: number }) {
  const clock = { now: Date.parse('2026-11-30T10:00:00Z') };
  const server = track(await startScriptedServer((_r, index) => answer(index, clock)));
  const kiosk = track(
    await startKiosk(
      kioskConfig({
        channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }],
        retry: { initialDelayMs: 20, maxDelayMs: 100, horizonMinutes: 1 },
      }),
      { platform: { now: () => clock.now } },
    ),
  );
  return { server, kiosk };
}

describe('the retry horizon', () => {
  it('ends exactly at horizonMinutes: a retryable answer at that instant is final', async () => {
    const { server, kiosk } = await kioskWithHorizon((index, clock) => {
      if (index === 1) clock.now += 60_000;
      return { status: 503 };
    });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.status === 'failed');
    expect(server.received).toHaveLength(2);
  });

  it('does not touch an answer that is not retried: a page taken after the horizon is delivered', async () => {
    const { server, kiosk } = await kioskWithHorizon((index, clock) => {
      if (index === 0) return { status: 503 };
      clock.now += 5 * 60_000;
      return { status: 200 };
    });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(server.received).toHaveLength(2);
    expect(kiosk.log.filter((e) => e.message.startsWith('ALERT'))).toEqual([]);
  });
});

describe('a request purged while its page is being retried', () => {
  it('leaves the queue without an error or an alert, and the next request is delivered', async () => {
    const clock = { now: Date.now() };
    let up = false;
    const hook = track(await startScriptedServer(() => (up ? { status: 200, json: {} } : { status: 503 })));
    const kiosk = track(
      await startKiosk(
        kioskConfig(
          // Retried for up to 72 h, kept open for 1 h: it is purged long before the kiosk would give up on it.
          { channels: [{ id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }], retry: { horizonMinutes: 72 * 60 } },
          { hoursAfterClose: 24, maxOpenHours: 1 },
        ),
        { platform: { now: () => clock.now }, options: { retentionSweepMs: 20 } },
      ),
    );
    const old = await kiosk.service.handlers['request.submit'](sampleInput());
    await hook.waitFor(() => true);
    clock.now += 2 * 3_600_000;
    await kiosk.waitForLog((e) => e.message === 'request purged after retention' && e.fields?.requestId === old.id);

    up = true;
    const next = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(next.id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    const ids = hook.received.map((r) => requestCreatedSchema.parse(r.json).request.id);
    expect(ids.at(-1)).toBe(next.id);
    expect(ids.filter((id) => id === next.id)).toHaveLength(1);
    expect(kiosk.log.filter((e) => e.level === 'error')).toEqual([]);
    expect(kiosk.log.filter((e) => e.message === 'delivered' && e.fields?.requestId === old.id)).toEqual([]);
  });
});

describe('an update queued for a desk that is a webhook after a restart', () => {
  it('is dropped: nothing is sent, nothing throws, and the new request still goes out', async () => {
    const first = track(await startVerifyingReceiver([testSecret]));
    const second = track(await startVerifyingReceiver([testSecret]));
    second.override((r) => (r.path.endsWith('/updates') ? { status: 503 } : undefined));
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [deskChannel(first.url), deskChannel(second.url, { id: 'back-office' })] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office');
    first.acknowledge(id, ack);
    await second.waitFor((r) => r.path.endsWith('/updates'));

    const hook = track(await startScriptedServer());
    await kiosk.restart({
      device: kioskConfig({
        channels: [deskChannel(first.url), { id: 'back-office', type: 'webhook', url: hook.origin, secret: testSecret }],
      }),
    });
    const next = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office' && e.fields.requestId === next.id);
    await kiosk.service.close();
    expect(hook.received.map((r) => requestCreatedSchema.parse(r.json).request.id)).toEqual([next.id]);
    expect(kiosk.log.filter((e) => e.message === 'delivery attempt threw')).toEqual([]);
  });
});

describe('the heartbeat', () => {
  it('counts each page that failed for good', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const refusing = track(await startScriptedServer(() => ({ status: 400 })));
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          heartbeatSeconds: 1,
          channels: [deskChannel(desk.url), { id: 'hook', type: 'webhook', url: refusing.origin, secret: testSecret }],
        }),
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message.startsWith('ALERT') && e.fields?.requestId === id);
    const beat = await desk.waitFor((r) => r.path.endsWith('/heartbeats') && (r.json as { failedDeliveries: number }).failedDeliveries > 0);
    expect(beat.json).toMatchObject({ failedDeliveries: 1, outboxDepth: 0 });
  });
});
