/**
 * What the outbox records about each channel once a result is final, and
 * what a restart does with it: a relayed update is marked sent (and never
 * sent again), a refused one failed, a page refused for good keeps its
 * reason, and a channel removed from the config leaves the others working.
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

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

async function twoDesks() {
  const first = track(await startVerifyingReceiver([testSecret]));
  const second = track(await startVerifyingReceiver([testSecret]));
  const kiosk = track(
    await startKiosk(kioskConfig({ channels: [deskChannel(first.url), deskChannel(second.url, { id: 'back-office' })] })),
  );
  const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office' && e.fields.type === 'created');
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'front-desk' && e.fields.type === 'created');
  return { first, second, kiosk, id };
}

/** Submits a request after a restart and waits until both desks took it: each queue sends in order, so anything queued at the restart went out before it. */
async function deliveredAfterRestart(kiosk: Awaited<ReturnType<typeof twoDesks>>['kiosk']) {
  const next = await kiosk.service.handlers['request.submit'](sampleInput());
  for (const channel of ['front-desk', 'back-office'])
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === channel && e.fields.requestId === next.id);
  await kiosk.service.close();
}

const updatesTo = (desk: { received: Array<{ path: string }> }) => desk.received.filter((r) => r.path.endsWith('/updates')).length;

describe('a relayed update', () => {
  it('is recorded as sent to the other desk, and a restart sends it to nobody again', async () => {
    const { first, second, kiosk, id } = await twoDesks();
    first.acknowledge(id, ack);
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.type === 'update');
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels).toMatchObject({
      'front-desk': { created: 'delivered', update: 'none' },
      'back-office': { created: 'delivered', update: 'sent' },
    });

    await kiosk.restart();
    await deliveredAfterRestart(kiosk);
    expect([updatesTo(first), updatesTo(second)]).toEqual([0, 1]);
  });

  it('refused for good is recorded as failed, with an alert naming the update, and not sent again after a restart', async () => {
    const { first, second, kiosk, id } = await twoDesks();
    second.override((r) => (r.path.endsWith('/updates') ? { status: 400, json: { error: 'bad-update', message: 'no' } } : undefined));
    first.acknowledge(id, ack);
    const alert = await kiosk.waitForLog((e) => e.message.startsWith('ALERT'));
    expect(alert.fields).toMatchObject({ channel: 'back-office', requestId: id, type: 'update', reason: 'HTTP 400 bad-update' });
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels['back-office']).toMatchObject({ created: 'delivered', update: 'failed' });
    expect((await kiosk.service.handlers['request.get']({ id }))?.status, 'the request itself is still answered').toBe('answered');

    await kiosk.restart();
    await deliveredAfterRestart(kiosk);
    expect(updatesTo(second)).toBe(1);
  });
});

describe('a page refused for good', () => {
  it('keeps the reason in the record, for the admin and the log', async () => {
    const refusing = track(await startScriptedServer(() => ({ status: 400, json: { error: 'unknown-kiosk', message: 'no' } })));
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: refusing.origin, secret: testSecret }] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.status === 'failed');
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels.hook).toEqual({
      use: 'page',
      created: 'failed',
      reason: 'HTTP 400 unknown-kiosk',
      update: 'none',
      answers: false,
    });
  });
});

describe('a channel removed from the config while a request was still pending on it', () => {
  it('does not stop the kiosk: the request is resumed on the channels that remain', async () => {
    const down = track(await startScriptedServer(() => ({ status: 503 })));
    const hook = track(await startScriptedServer());
    hook.script(() => ({ status: 503 }));
    const old = { id: 'old', type: 'webhook', url: down.origin, secret: testSecret };
    const kept = { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret };
    const kiosk = track(await startKiosk(kioskConfig({ channels: [old, kept] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await down.waitFor(() => true);
    await hook.waitFor(() => true);

    hook.script(() => ({ status: 200, json: {} }));
    await kiosk.restart({ device: kioskConfig({ channels: [kept] }) });
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels.old, 'the removed channel keeps its state').toMatchObject({
      created: 'pending',
    });
  });

  it('nor does a removed desk with an update still to send', async () => {
    const { first, second, kiosk, id } = await twoDesks();
    second.override((r) => (r.path.endsWith('/updates') ? { status: 503 } : undefined));
    first.acknowledge(id, ack);
    await second.waitFor((r) => r.path.endsWith('/updates'));
    await kiosk.restart({ device: kioskConfig({ channels: [deskChannel(first.url)] }) });
    const next = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(next.id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels['back-office']).toMatchObject({ update: 'pending' });
  });
});
