/**
 * How the kiosk service wires its parts, seen from outside: it polls the
 * desks every pollSeconds, beats every heartbeatSeconds and sweeps for
 * retention every ten minutes, and stops all three when closed; it logs a
 * capture and a resume with counts and ids only; a repeated visit gets its
 * request back at once; a closed request is not sent to a channel added
 * after it closed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();
afterEach(() => {
  vi.useRealTimers();
});

describe("the kiosk's repeating work", () => {
  it('polls every pollSeconds, beats every heartbeatSeconds, sweeps every 10 minutes, and stops all of it when closed', async () => {
    // Only the repeating timers are the test's: delivery's retries and the HTTP time limits run on real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const desk = track(await startVerifyingReceiver([testSecret]));
    const clock = { now: Date.now() };
    const kiosk = track(
      await startKiosk(
        kioskConfig({ pollSeconds: 5, heartbeatSeconds: 30, channels: [deskChannel(desk.url)] }, { hoursAfterClose: 24, maxOpenHours: 1 }),
        {
          platform: { now: () => clock.now },
        },
      ),
    );
    const count = (suffix: string) => desk.received.filter((r) => r.path.endsWith(suffix)).length;
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');

    vi.advanceTimersByTime(4_999);
    expect(count('/status')).toBe(0);
    vi.advanceTimersByTime(1);
    await desk.waitFor((r) => r.path.endsWith('/status'));
    // One beat at start, the next 30 s later.
    expect(count('/heartbeats')).toBe(1);
    vi.advanceTimersByTime(24_999);
    expect(count('/heartbeats')).toBe(1);
    vi.advanceTimersByTime(1);
    await desk.waitFor(() => count('/heartbeats') === 2);

    clock.now += 2 * 3_600_000;
    vi.advanceTimersByTime(600_000 - 30_000 - 1);
    expect(await kiosk.service.handlers['request.get']({ id })).not.toBeNull();
    vi.advanceTimersByTime(1);
    await kiosk.waitForLog((e) => e.message === 'request purged after retention' && e.fields?.requestId === id);

    await kiosk.service.close();
    expect(vi.getTimerCount(), 'no poll, heartbeat or sweep left running').toBe(0);
  });
});

describe("the kiosk's log", () => {
  it('says a request was captured with its id, reference and priority only', async () => {
    const kiosk = track(await startKiosk(kioskConfig({ channels: [] })));
    const view = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'emergency' }));
    expect(kiosk.log.find((e) => e.message === 'request captured')).toMatchObject({
      level: 'info',
      fields: { requestId: view.id, reference: view.reference, priority: 'emergency' },
    });
    expect(Object.keys(kiosk.log.find((e) => e.message === 'request captured')?.fields ?? {}).sort()).toEqual([
      'priority',
      'reference',
      'requestId',
    ]);
  });

  it('warns when nothing can be paged, and counts what a restart resumed', async () => {
    const kiosk = track(await startKiosk(kioskConfig({ channels: [] })));
    expect(kiosk.log.find((e) => e.message.startsWith('no desk is paired and no channel is configured'))?.level).toBe('warn');
    await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }));
    expect(kiosk.log.filter((e) => e.message === 'outbox resumed')).toEqual([]);
    const hook = track(await startScriptedServer(() => ({ status: 503 })));
    const warnings = () => kiosk.log.filter((e) => e.message.startsWith('no desk is paired and no channel is configured')).length;
    expect(warnings()).toBe(1);
    await kiosk.restart({ device: kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }] }) });
    expect(kiosk.log.find((e) => e.message === 'outbox resumed')?.fields).toEqual({ count: 2, depth: 2 });
    expect(warnings(), 'with a channel, no warning').toBe(1);
  });
});

describe('a visit submitted again', () => {
  it('gets the request already kept at once, and the log says so', async () => {
    const kiosk = track(await startKiosk(kioskConfig({ channels: [] })));
    const input = sampleInput({ idempotencyKey: 'visit-0001-help' });
    const first = await kiosk.service.handlers['request.submit'](input);
    const again = await kiosk.service.handlers['request.submit'](input);
    expect(again).toEqual(first);
    expect(kiosk.log.find((e) => e.message === 'submit repeated for the same visit; the request already kept is returned')?.fields).toEqual(
      {
        requestId: first.id,
      },
    );
  });
});

describe('a channel added after a request closed', () => {
  it('is not sent the closed request after the restart; the open one is', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const pager = track(await startScriptedServer());
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const closed = await kiosk.service.handlers['request.submit'](sampleInput());
    const open = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }));
    await kiosk.waitForView(open.id, (v) => v.phase === 'delivered');
    desk.requests.get(closed.id)!.closed = true;
    await kiosk.waitForView(closed.id, (v) => v.phase === 'closed');

    await kiosk.restart({
      device: kioskConfig({ channels: [deskChannel(desk.url), { id: 'pager', type: 'webhook', url: pager.origin, secret: testSecret }] }),
    });
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'pager');
    await kiosk.service.close();
    expect(pager.received.map((r) => requestCreatedSchema.parse(r.json).request.id)).toEqual([open.id]);
    expect(kiosk.log.find((e) => e.message === 'outbox resumed')?.fields).toMatchObject({ count: 1 });
  });
});

describe('the delivery fallback timer', () => {
  it('changes nothing when it ends for a request already delivered', async () => {
    const hook = track(await startScriptedServer());
    const manual = manualSchedule();
    let tick = Date.now();
    // Every reading of the clock is a millisecond later: a needless save would show in the change time.
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }] }), {
        options: { schedule: manual.schedule },
        platform: { now: () => (tick += 1) },
      }),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const delivered = await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    // The first timer set is the delivery fallback (20 s from capture, less the few ticks since).
    const [fallback] = manual.timers;
    expect(fallback?.delayMs).toBeGreaterThan(19_000);
    expect(fallback?.delayMs).toBeLessThanOrEqual(20_000);
    fallback!.fire();
    expect(await kiosk.service.handlers['request.get']({ id })).toEqual(delivered);
  });
});

describe('a visit whose submission was collapsed into another request', () => {
  it('gets that request again by its key, also after the collapse window has passed', async () => {
    const clock = { now: Date.parse('2026-11-30T10:00:00Z') };
    const kiosk = track(await startKiosk(kioskConfig({ channels: [], collapseSeconds: 30 }), { platform: { now: () => clock.now } }));
    const first = await kiosk.service.handlers['request.submit'](sampleInput({ idempotencyKey: 'visit-0001-help' }));
    const collapsed = await kiosk.service.handlers['request.submit'](sampleInput({ idempotencyKey: 'visit-0002-help' }));
    expect(collapsed.id).toBe(first.id);
    clock.now += 60_000;
    expect((await kiosk.service.handlers['request.submit'](sampleInput({ idempotencyKey: 'visit-0002-help' }))).id).toBe(first.id);
    expect(new Set(kiosk.views.map((v) => v.id))).toEqual(new Set([first.id]));
  });

  it('is refused with the code "rate-limited" when too many came this minute and none can take it', async () => {
    const kiosk = track(await startKiosk(kioskConfig({ channels: [], maxRequestsPerMinute: 1, collapseSeconds: 0 })));
    await kiosk.service.handlers['request.submit'](sampleInput());
    await expect(kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }))).rejects.toMatchObject({
      name: 'NotCaptured',
      code: 'rate-limited',
    });
  });
});
