/**
 * Which deadlines a request still has after a restart, read from the timers
 * the kiosk sets (the deadline timer is the service's test seam): only those
 * still to come, counted from capture, never a negative delay, and none for
 * a request already answered or already escalated.
 */
import { describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

/** A kiosk with a desk, an escalation webhook, fixed windows (fallback 20 s, acknowledgement 120 s) and a clock the test moves. */
async function kioskWithWindows() {
  const desk = track(await startVerifyingReceiver([testSecret]));
  const sergeant = track(await startScriptedServer());
  const device = kioskConfig({
    fallbackAfterSeconds: 20,
    acknowledgeWithinSeconds: 120,
    emergencyAcknowledgeWithinSeconds: 30,
    channels: [deskChannel(desk.url), { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret }],
  });
  const clock = { at: Date.now() };
  const platform = { now: () => clock.at };
  const manual = manualSchedule();
  const kiosk = track(await startKiosk(device, { platform, options: { schedule: manual.schedule } }));
  /** Restarts on the same data; returns the timers the new service set. */
  const restart = async () => {
    const after = manualSchedule();
    await kiosk.restart({ platform, options: { schedule: after.schedule } });
    return after.timers;
  };
  return { desk, sergeant, kiosk, clock, manual, restart };
}

describe('deadlines after a restart', () => {
  it('are counted from capture: 50 s later, 70 s are left of a 120 s window and nothing of a 20 s fallback', async () => {
    const { desk, kiosk, clock, restart } = await kioskWithWindows();
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    await kiosk.service.handlers['request.submit'](sampleInput());
    await desk.waitFor((r) => r.path.endsWith('/requests'));

    clock.at += 50_000;
    const timers = await restart();
    expect(timers.map((t) => t.delayMs)).toEqual([0, 70_000]);
  });

  it('a request already shown as late gets no second fallback, only its acknowledgement window', async () => {
    const { desk, kiosk, manual, restart } = await kioskWithWindows();
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    manual.timers.find((t) => t.delayMs === 20_000)?.fire();
    await kiosk.waitForView(id, (v) => v.status === 'not-reached-yet');

    const timers = await restart();
    expect(timers.map((t) => t.delayMs)).toEqual([120_000]);
  });

  it('an acknowledged request gets no timer at all', async () => {
    const { desk, kiosk, restart } = await kioskWithWindows();
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    desk.acknowledge(id, ack);
    await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');

    expect(await restart()).toEqual([]);
  });

  it('an escalated request gets no timer at all, and its escalation is not paged again', async () => {
    const { kiosk, sergeant, manual, restart } = await kioskWithWindows();
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    for (const timer of manual.timers) timer.fire();
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'sergeant');

    expect(await restart()).toEqual([]);
    await kiosk.service.close();
    expect(sergeant.received).toHaveLength(1);
  });

  it('closing the service cancels every timer', async () => {
    const { kiosk, manual } = await kioskWithWindows();
    await kiosk.service.handlers['request.submit'](sampleInput());
    expect(manual.timers.map((t) => t.cancelled)).toEqual([false, false]);
    await kiosk.service.close();
    expect(manual.timers.map((t) => t.cancelled)).toEqual([true, true]);
  });

  it('a request purged by the retention sweep loses its timers, and only its own', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const clock = { at: Date.now() };
    const manual = manualSchedule();
    const device = kioskConfig({ channels: [deskChannel(desk.url)] }, { hoursAfterClose: 24, maxOpenHours: 72 });
    const kiosk = track(
      await startKiosk(device, { platform: { now: () => clock.at }, options: { schedule: manual.schedule, retentionSweepMs: 20 } }),
    );
    const old = await kiosk.service.handlers['request.submit'](sampleInput());
    clock.at += 71 * 3_600_000;
    await kiosk.service.handlers['request.submit'](sampleInput());
    clock.at += 2 * 3_600_000;
    await kiosk.waitForLog((e) => e.message === 'request purged after retention' && e.fields?.requestId === old.id);
    expect(manual.timers.map((t) => t.cancelled)).toEqual([true, true, false, false]);
  });
});
