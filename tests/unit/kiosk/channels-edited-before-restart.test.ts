/**
 * An administrator may add channels while requests are still open. After the
 * restart, a page channel added since capture gets the open request too; an
 * escalation channel only once the request has escalated; and a restart
 * with the same channels rewrites nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

const idsAt = (server: { received: Array<{ json: unknown }> }) => server.received.map((r) => requestCreatedSchema.parse(r.json).request.id);

describe('channels added while a request is open', () => {
  it('a new page channel gets the open request after the restart; a new escalation channel is recorded idle and paged nothing', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const pager = track(await startScriptedServer());
    const sergeant = track(await startScriptedServer());
    const before = kioskConfig({ channels: [deskChannel(desk.url)] });
    const kiosk = track(await startKiosk(before));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');

    const after = kioskConfig({
      channels: [
        deskChannel(desk.url),
        deskChannel(desk.url, { id: 'back-office' }),
        { id: 'pager', type: 'webhook', url: pager.origin, secret: testSecret },
        { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret },
      ],
    });
    await kiosk.restart({ device: after });
    for (const channel of ['pager', 'back-office'])
      await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === channel && e.fields.requestId === id);
    await kiosk.service.close();

    expect(idsAt(pager)).toEqual([id]);
    expect(sergeant.received).toEqual([]);
    expect(desk.requests.get(id)?.deliveries, 'the desk that had it already, and the new back office').toBe(2);
    const stored = await storedRecord(kiosk.dataDir, id);
    expect(stored?.channels).toEqual({
      'front-desk': { use: 'page', created: 'delivered', update: 'none', answers: true },
      'back-office': { use: 'page', created: 'delivered', update: 'none', answers: true },
      pager: { use: 'page', created: 'delivered', update: 'none', answers: false },
      sergeant: { use: 'escalation', created: 'idle', update: 'none', answers: false },
    });
  });

  it('only an idle escalation channel added is still written to the outbox at the restart', async () => {
    const hook = track(await startScriptedServer());
    const sergeant = track(await startScriptedServer());
    const hookChannel = { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret };
    const kiosk = track(await startKiosk(kioskConfig({ channels: [hookChannel] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');

    const escalation = { id: 'sergeant', type: 'webhook', use: 'escalation', url: sergeant.origin, secret: testSecret };
    await kiosk.restart({ device: kioskConfig({ channels: [hookChannel, escalation] }) });
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels.sergeant).toEqual({
      use: 'escalation',
      created: 'idle',
      update: 'none',
      answers: false,
    });
    expect(sergeant.received).toEqual([]);
  });

  it('a new escalation channel is paged after the restart for a request that had already escalated', async () => {
    const hook = track(await startScriptedServer());
    const first = track(await startScriptedServer());
    const second = track(await startScriptedServer());
    const hookChannel = { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret };
    const sergeant = { id: 'sergeant', type: 'webhook', use: 'escalation', url: first.origin, secret: testSecret };
    const manual = manualSchedule();
    const kiosk = track(await startKiosk(kioskConfig({ channels: [hookChannel, sergeant] }), { options: { schedule: manual.schedule } }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    for (const timer of manual.timers) timer.fire();
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'sergeant');

    const lieutenant = { id: 'lieutenant', type: 'webhook', use: 'escalation', url: second.origin, secret: testSecret };
    await kiosk.restart({ device: kioskConfig({ channels: [hookChannel, sergeant, lieutenant] }) });
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'lieutenant');
    await kiosk.service.close();
    expect(idsAt(second)).toEqual([id]);
    expect(idsAt(first), 'the escalation channel paged before the restart is not paged again').toEqual([id]);
  });

  it('a restart with the same channels rewrites nothing: the request keeps its last change time', async () => {
    const hook = track(await startScriptedServer());
    let clock = Date.now();
    const device = kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }] });
    const kiosk = track(await startKiosk(device, { platform: { now: () => clock } }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const delivered = await kiosk.waitForView(id, (v) => v.phase === 'delivered');

    clock += 60_000;
    await kiosk.restart();
    expect((await kiosk.service.handlers['request.get']({ id }))?.updatedAt).toBe(delivered.updatedAt);
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.updatedAt).toBe(delivered.updatedAt);
  });
});
