import { describe, expect, it } from 'vitest';
import { statusOf, statusTable } from '../../../shared/request-status.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

describe('a kiosk whose channels cannot acknowledge does not make the person wait for an answer (acknowledgeWithinSeconds)', () => {
  it('delivered only to a webhook without statusUrl: "passed on", the screen does not hold until answered, and stays so after the deadline', async () => {
    const server = track(await startScriptedServer());
    const { schedule, timers } = manualSchedule();
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'cad', type: 'webhook', url: server.origin, secret: testSecret }] }), {
        options: { schedule },
      }),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const delivered = await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(delivered.status).toBe('passed-on');
    expect(kiosk.views.map((v) => v.status)).not.toContain('delivered');
    expect(statusTable['passed-on'].hold).not.toBe('until-answered');
    expect(statusTable['passed-on'].steps.delivered).toBe(true);

    for (const timer of timers) timer.fire();
    await kiosk.waitForLog((e) => e.message === 'not acknowledged in time: escalating');
    expect((await kiosk.service.handlers['request.get']({ id }))?.status).toBe('passed-on');
  });

  it('with a statusUrl the same webhook can answer, so the screen says "the front desk has it" and waits', async () => {
    const server = track(await startScriptedServer());
    const channel = { id: 'cad', type: 'webhook', url: `${server.origin}/hook`, statusUrl: `${server.origin}/status`, secret: testSecret };
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channel] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect((await kiosk.waitForView(id, (v) => v.phase === 'delivered')).status).toBe('delivered');
    expect(statusTable.delivered.hold).toBe('until-answered');
  });

  it('when the desk that could answer fails for good and only a pager took the request, it is "passed on"', async () => {
    const desk = track(await startScriptedServer(() => ({ status: 403, json: { error: 'unknown-kiosk', message: 'no' } })));
    const pager = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            { id: 'front-desk', type: 'desk', url: `${desk.origin}/lobby/v1`, secret: testSecret },
            { id: 'pager', type: 'webhook', url: pager.origin, secret: testSecret },
          ],
        }),
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message.startsWith('ALERT') && e.fields?.channel === 'front-desk');
    await kiosk.waitForView(id, (v) => v.status === 'passed-on');
  });

  it('older records (before contract 1.1) are assumed answerable: their status does not change', () => {
    expect(statusOf({ phase: 'delivered', late: false, failed: false, escalated: false })).toBe('delivered');
    expect(statusOf({ phase: 'delivered', late: false, failed: false, escalated: true, answerable: false })).toBe('passed-on');
  });
});
