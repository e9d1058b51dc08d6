/**
 * The acknowledgement window belongs to the request it was set for: an
 * emergency gets emergencyAcknowledgeWithinSeconds, everything else
 * acknowledgeWithinSeconds, and a delivered request nobody answered still
 * escalates after the kiosk restarts. Timers are fired by hand, so each test
 * says which request a timer belonged to by what firing it did.
 */
import { describe, expect, it } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule, type ManualTimer } from './support/manual-schedule.js';

const track = closeAfterEach();

/** A clock that stands still at the real time (signatures stay valid), so every delay is exactly the configured window. */
const stillClock = () => {
  const at = Date.now();
  return { now: () => at };
};

async function kioskWithEscalation(windows: { acknowledgeWithinSeconds: number; emergencyAcknowledgeWithinSeconds: number }) {
  const desk = track(await startVerifyingReceiver([testSecret]));
  const sergeant = track(await startScriptedServer());
  const device = kioskConfig({
    ...windows,
    fallbackAfterSeconds: 20,
    channels: [deskChannel(desk.url), { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret }],
  });
  const manual = manualSchedule();
  const clock = stillClock();
  const kiosk = track(await startKiosk(device, { options: { schedule: manual.schedule }, platform: clock }));
  return { desk, sergeant, kiosk, device, manual, clock };
}

const onlyTimer = (timers: ManualTimer[], delayMs: number): ManualTimer => {
  const found = timers.filter((t) => t.delayMs === delayMs && !t.cancelled);
  if (found.length !== 1)
    throw new Error(`expected one live timer of ${delayMs} ms, found ${found.length} among ${timers.map((t) => t.delayMs).join(', ')}`);
  return found[0] as ManualTimer;
};

describe('acknowledgement windows', () => {
  it('an emergency gets the emergency window and a normal request the normal one, never the other way round', async () => {
    const { kiosk, sergeant, manual } = await kioskWithEscalation({ acknowledgeWithinSeconds: 120, emergencyAcknowledgeWithinSeconds: 30 });
    const normal = await kiosk.service.handlers['request.submit'](sampleInput());
    const normalTimers = manual.timers.map((t) => t.delayMs);
    const emergency = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'emergency' }));
    const emergencyTimers = manual.timers.slice(normalTimers.length).map((t) => t.delayMs);
    // Per request, in the order they were set: the delivery fallback, then the acknowledgement window.
    expect({ normal: normalTimers, emergency: emergencyTimers }).toEqual({ normal: [20_000, 120_000], emergency: [20_000, 30_000] });
    await kiosk.waitForView(normal.id, (v) => v.phase === 'delivered');
    await kiosk.waitForView(emergency.id, (v) => v.phase === 'delivered');

    // The 30 s window passing pages the sergeant about the emergency, and only about it.
    onlyTimer(manual.timers, 30_000).fire();
    const paged = await sergeant.waitFor(() => true);
    expect(requestCreatedSchema.parse(paged.json).request.id).toBe(emergency.id);
    expect(await kiosk.waitForView(emergency.id, (v) => v.status === 'not-answered')).toMatchObject({ priority: 'emergency' });
    expect((await kiosk.service.handlers['request.get']({ id: normal.id }))?.status).toBe('delivered');

    // The 120 s window passing pages about the normal request.
    onlyTimer(manual.timers, 120_000).fire();
    const second = await sergeant.waitFor((r) => r !== paged);
    expect(requestCreatedSchema.parse(second.json).request.id).toBe(normal.id);
    expect(await kiosk.waitForView(normal.id, (v) => v.status === 'not-answered')).toMatchObject({ priority: 'normal' });
  });

  it('the windows follow the configuration: a shorter normal window than emergency one is kept as configured', async () => {
    const { kiosk, manual } = await kioskWithEscalation({ acknowledgeWithinSeconds: 15, emergencyAcknowledgeWithinSeconds: 45 });
    await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'emergency' }));
    expect(manual.timers.map((t) => t.delayMs)).toEqual([20_000, 15_000, 20_000, 45_000]);
  });

  it('a delivered request nobody acknowledged still escalates after a restart, when its window ends', async () => {
    const { kiosk, sergeant, desk, clock } = await kioskWithEscalation({
      acknowledgeWithinSeconds: 120,
      emergencyAcknowledgeWithinSeconds: 30,
    });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await desk.waitFor((r) => r.path.endsWith('/status') && r.body.includes(id));

    const after = manualSchedule();
    await kiosk.restart({ platform: clock, options: { schedule: after.schedule } });
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('delivered');
    // Delivered already: no delivery fallback any more, only the acknowledgement window, counted from capture.
    expect(after.timers.map((t) => t.delayMs)).toEqual([120_000]);
    expect(sergeant.received).toHaveLength(0);

    onlyTimer(after.timers, 120_000).fire();
    const paged = await sergeant.waitFor(() => true);
    expect(requestCreatedSchema.parse(paged.json).request.id).toBe(id);
    expect(await kiosk.waitForView(id, (v) => v.status === 'not-answered')).toMatchObject({ phase: 'delivered' });
  });
});
