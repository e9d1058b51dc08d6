/**
 * A request followed to acknowledgement and closure, on desks that answer
 * as the desk receiver does: every answer signed with the channel's secret
 * and bound to the message it answers (support/verifying-receiver.ts). An
 * answer without that signature is not believed
 * (tests/unit/trust/desk-answers-signed.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { requestCreatedSchema, requestUpdatedSchema } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** A clock that stands still, so deadlines are exact (signatures stay within tolerance: it is the real time at start). */
const stillClock = () => {
  const at = Date.now();
  return { now: () => at };
};

const ack = (deskId: string): Acknowledgement => ({
  messageKey: 'coming-now',
  deskId,
  deskName: 'Front desk',
  at: new Date().toISOString(),
});

describe('following a request to acknowledgement and closure', () => {
  it('says "acknowledged" only when a desk reports it, with the officer\'s answer', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await desk.waitFor((r) => r.path.endsWith('/status') && r.body.includes(id));
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('delivered');

    const answer = ack('D1');
    desk.acknowledge(id, answer);
    const acknowledged = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(acknowledged.acknowledgement).toEqual(answer);
    expect(acknowledged.status).toBe('answered');

    desk.requests.get(id)!.closed = true;
    expect(await kiosk.waitForView(id, (v) => v.phase === 'closed')).toMatchObject({ acknowledgement: answer });
  });

  it('relays the first acknowledgement and the closure to the other desks only', async () => {
    const first = track(await startVerifyingReceiver([testSecret]));
    const second = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [deskChannel(first.url), deskChannel(second.url, { id: 'back-office' })] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await second.waitFor((r) => r.path.endsWith('/requests'));

    first.acknowledge(id, ack('D1'));
    const update = await second.waitFor((r) => r.path.endsWith('/updates'));
    expect(requestUpdatedSchema.parse(update.json)).toMatchObject({ requestId: id, acknowledgement: { deskId: 'D1' } });

    first.requests.get(id)!.closed = true;
    const closure = await second.waitFor((r) => r.path.endsWith('/updates') && r.body.includes('"closed"'));
    expect(requestUpdatedSchema.parse(closure.json).closed?.outcome).toBe('referred');
    await kiosk.waitForView(id, (v) => v.phase === 'closed');
    expect(first.received.filter((r) => r.path.endsWith('/updates'))).toHaveLength(0);
    expect(second.rejections).toEqual([]);
  });

  it('shows the fallback when delivery is late, and keeps trying', async () => {
    const down = track(await startScriptedServer(() => ({ status: 503 })));
    const { schedule, timers } = manualSchedule();
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: down.origin, secret: testSecret }] }), {
        options: { schedule },
        platform: stillClock(),
      }),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const fallback = timers.find((t) => t.delayMs === 20_000);
    expect(fallback).toBeDefined();
    fallback!.fire();
    expect(await kiosk.waitForView(id, (v) => v.status === 'not-reached-yet')).toMatchObject({
      phase: 'captured',
      status: 'not-reached-yet',
    });
    const before = down.received.length;
    await down.waitFor(() => down.received.length > before);
  });

  it('pages escalation channels only for a request nobody acknowledged in time', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const escalation = track(await startScriptedServer());
    const { schedule, timers } = manualSchedule();
    const device = kioskConfig({
      channels: [deskChannel(desk.url), { id: 'sergeant', type: 'webhook', use: 'escalation', url: escalation.origin, secret: testSecret }],
    });
    const kiosk = track(await startKiosk(device, { options: { schedule }, platform: stillClock() }));

    const normal = await kiosk.service.handlers['request.submit'](sampleInput());
    const emergency = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'emergency' }));
    await kiosk.waitForView(normal.id, (v) => v.phase === 'delivered');
    await kiosk.waitForView(emergency.id, (v) => v.phase === 'delivered');
    // In the order they were set: the normal request's fallback and 120 s window, then the emergency's fallback and 30 s window.
    expect(timers.map((t) => t.delayMs)).toEqual([20_000, 120_000, 20_000, 30_000]);
    expect(escalation.received).toHaveLength(0);

    desk.acknowledge(normal.id, ack('D1'));
    await kiosk.waitForView(normal.id, (v) => v.phase === 'acknowledged');
    for (const timer of timers) timer.fire();

    const paged = await escalation.waitFor(() => true);
    expect(requestCreatedSchema.parse(paged.json).request.id).toBe(emergency.id);
    expect(await kiosk.waitForView(emergency.id, (v) => v.status === 'not-answered')).toMatchObject({
      phase: 'delivered',
      status: 'not-answered',
    });
    await kiosk.service.close();
    expect(escalation.received).toHaveLength(1);
    expect((await kiosk.service.handlers['request.get']({ id: normal.id }))?.status).toBe('answered');
  });

  it('pages vendor channels without personal data, and an escalation page says nobody acknowledged', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const slack = track(await startScriptedServer(() => ({ status: 200, json: 'ok' })));
    const { schedule, timers } = manualSchedule();
    const device = kioskConfig({
      channels: [
        deskChannel(desk.url),
        { id: 'team-chat', type: 'slack', url: `${slack.origin}/page` },
        { id: 'sergeant-chat', type: 'slack', use: 'escalation', url: `${slack.origin}/escalate` },
      ],
    });
    const kiosk = track(await startKiosk(device, { options: { schedule }, platform: stillClock() }));
    const { id, reference } = await kiosk.service.handlers['request.submit'](sampleInput());
    const page = await slack.waitFor((r) => r.path === '/page');
    expect(page.body).toContain(reference);
    expect(page.body).not.toContain('Maya');
    expect(page.body).not.toContain('NOT ACKNOWLEDGED');

    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    for (const timer of timers) timer.fire();
    const escalation = await slack.waitFor((r) => r.path === '/escalate');
    expect(escalation.body).toContain('NOT ACKNOWLEDGED YET');
    expect(escalation.body).not.toContain('Maya');
  });

  it('sends signed heartbeats with the outbox depth', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)], heartbeatSeconds: 1 })));
    await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.service.handlers['request.submit'](sampleInput());
    const beat = await desk.waitFor((r) => r.path.endsWith('/heartbeats') && (r.json as { outboxDepth: number }).outboxDepth === 2);
    expect(beat.json).toMatchObject({ type: 'kiosk.heartbeat', version: 1, kiosk: { id: 'K1' }, failedDeliveries: 0 });
    expect(desk.rejections).toEqual([]);
  });
});
