/**
 * Escalating and relaying touch only what they are for: escalation pages the
 * escalation channels once, leaves the page channels as they were (delivered
 * or failed: none is sent again), and shows the fallback for a request that
 * never got through; a relay marks only the other desks, so nothing is left
 * "to send" to a channel that cannot take updates.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

describe('escalating', () => {
  it('pages the escalation channel and sends nothing again to the page channels, delivered or failed', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const refusing = track(await startScriptedServer(() => ({ status: 400 })));
    const sergeant = track(await startScriptedServer());
    const manual = manualSchedule();
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            deskChannel(desk.url),
            { id: 'refusing', type: 'webhook', url: refusing.origin, secret: testSecret },
            { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret },
          ],
        }),
        { options: { schedule: manual.schedule } },
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await kiosk.waitForLog((e) => e.message.startsWith('ALERT') && e.fields?.channel === 'refusing');

    for (const timer of manual.timers) timer.fire();
    const warning = await kiosk.waitForLog((e) => e.message === 'not acknowledged in time: escalating');
    expect(warning).toMatchObject({ level: 'warn', fields: { requestId: id, priority: 'normal' } });
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'sergeant');
    // A later request goes through every queue after anything the escalation could have queued there.
    const next = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }));
    await kiosk.waitForLog((e) => e.message.startsWith('ALERT') && e.fields?.channel === 'refusing' && e.fields.requestId === next.id);
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'front-desk' && e.fields.requestId === next.id);
    await kiosk.service.close();

    expect(desk.requests.get(id)?.deliveries).toBe(1);
    // One attempt each, and its resend in the 1.0 format that a 400 brings (created-message.test.ts).
    const refusedIds = refusing.received.map((r) => (r.json as { request?: { id?: string } }).request?.id);
    expect(refusedIds).toEqual([id, id, next.id, next.id]);
    expect(sergeant.received).toHaveLength(1);
    expect((await storedRecord(kiosk.dataDir, id))?.channels).toMatchObject({
      'front-desk': { created: 'delivered' },
      refusing: { created: 'failed' },
      sergeant: { created: 'delivered' },
    });
  });

  it('shows the fallback for a request still not delivered when its acknowledgement window ends first', async () => {
    const at = Date.now();
    const down = track(await startScriptedServer(() => ({ status: 503 })));
    const manual = manualSchedule();
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          fallbackAfterSeconds: 60,
          emergencyAcknowledgeWithinSeconds: 30,
          channels: [{ id: 'hook', type: 'webhook', url: down.origin, secret: testSecret }],
        }),
        { options: { schedule: manual.schedule }, platform: { now: () => at } },
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'emergency' }));
    expect(manual.timers.map((t) => t.delayMs)).toEqual([60_000, 30_000]);
    manual.timers[1]!.fire();
    expect(await kiosk.waitForView(id, (v) => v.status === 'not-reached-yet')).toMatchObject({ phase: 'captured' });
  });
});

describe('relaying an answer', () => {
  it('leaves nothing to send to a channel that takes no updates, and touches nothing when there is no other desk', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const hook = track(await startScriptedServer());
    let tick = Date.now();
    // Every reading of the clock is a millisecond later: a needless save would show in the change time.
    const kiosk = track(
      await startKiosk(
        kioskConfig({ channels: [deskChannel(desk.url), { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }] }),
        {
          platform: { now: () => (tick += 1) },
        },
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'hook');
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    desk.acknowledge(id, ack);
    const acknowledged = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');

    expect(kiosk.service.admin?.outboxDepth?.()).toBe(0);
    expect((await kiosk.service.handlers['request.get']({ id }))?.updatedAt).toBe(acknowledged.updatedAt);
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels).toMatchObject({
      'front-desk': { update: 'none' },
      hook: { update: 'none' },
    });
  });
});
