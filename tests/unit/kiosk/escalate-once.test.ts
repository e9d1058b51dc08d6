/**
 * Escalation pages the escalation channels once per request, even when the
 * acknowledgement deadline is reported twice: a second text or email to the
 * sergeant for the same person is noise at the worst moment. The real timer
 * fires once; the runner keeps a second call harmless on its own.
 */
import { expect, it } from 'vitest';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

it('a deadline reported twice pages the escalation channel once', async () => {
  const hook = track(await startScriptedServer());
  const sergeant = track(await startScriptedServer());
  const manual = manualSchedule();
  const kiosk = track(
    await startKiosk(
      kioskConfig({
        channels: [
          { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret },
          { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret },
        ],
      }),
      { options: { schedule: manual.schedule } },
    ),
  );
  const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
  await kiosk.waitForView(id, (v) => v.phase === 'delivered');
  const acknowledgeDeadline = manual.timers.at(-1);
  expect(acknowledgeDeadline, 'the acknowledgement deadline was set').toBeDefined();

  acknowledgeDeadline!.fire();
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'sergeant' && e.fields.requestId === id);
  acknowledgeDeadline!.fire();
  // A later request goes through the sergeant's queue after anything a second escalation could have queued there.
  const next = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }));
  for (const timer of manual.timers.slice(-1)) timer.fire();
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'sergeant' && e.fields.requestId === next.id);

  const paged = sergeant.received.map((r) => (r.json as { request?: { id?: string } }).request?.id);
  expect(paged).toEqual([id, next.id]);
  expect(kiosk.log.filter((e) => e.message === 'not acknowledged in time: escalating')).toHaveLength(2);
});
