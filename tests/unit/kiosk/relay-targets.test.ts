/**
 * Which desks hear of an answer, and what "still to send" counts: a desk
 * that refused the request for good is told nothing; a desk still waiting
 * for the request hears of the answer after it; an update not yet sent is
 * on disk, so a restart still sends it; and the outbox depth counts each
 * request with anything left to send, once.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { requestUpdatedSchema } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
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
  const device = kioskConfig({ channels: [deskChannel(first.url), deskChannel(second.url, { id: 'back-office' })] });
  return { first, second, device };
}

const updatesAt = (desk: { received: Array<{ path: string; json: unknown }> }) =>
  desk.received.filter((r) => r.path.endsWith('/updates')).map((r) => requestUpdatedSchema.parse(r.json));

describe('relaying an answer', () => {
  it('tells nothing to a desk that refused the request for good', async () => {
    const { first, second, device } = await twoDesks();
    second.override((r) => (r.path.endsWith('/requests') ? { status: 400, json: { error: 'unknown-kiosk', message: 'no' } } : undefined));
    const kiosk = track(await startKiosk(device));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message.startsWith('ALERT') && e.fields?.channel === 'back-office');
    first.acknowledge(id, ack);
    await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(kiosk.service.admin?.outboxDepth?.()).toBe(0);
    await kiosk.service.close();
    expect(updatesAt(second)).toEqual([]);
    expect((await storedRecord(kiosk.dataDir, id))?.channels['back-office']).toMatchObject({ created: 'failed', update: 'none' });
  });

  it('tells a desk still waiting for the request, after the request', async () => {
    const { first, second, device } = await twoDesks();
    second.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(device));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await second.waitFor((r) => r.path.endsWith('/requests'));
    first.acknowledge(id, ack);
    await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');

    second.override(undefined);
    await second.waitFor((r) => r.path.endsWith('/updates'));
    expect(second.requests.get(id)).toMatchObject({ deliveries: 1 });
    expect(updatesAt(second).map((u) => [u.requestId, u.acknowledgement?.deskId])).toEqual([[id, 'D1']]);
    const paths = second.received.map((r) => r.path).filter((p) => p.endsWith('/requests') || p.endsWith('/updates'));
    expect(paths.at(-1)).toMatch(/\/updates$/);
  });

  it('is written down before it is sent: an update the desk did not take yet is sent after a restart', async () => {
    const { first, second, device } = await twoDesks();
    const kiosk = track(await startKiosk(device));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office');
    second.override((r) => (r.path.endsWith('/updates') ? { status: 503 } : undefined));
    first.acknowledge(id, ack);
    await second.waitFor((r) => r.path.endsWith('/updates'));
    expect(kiosk.service.admin?.outboxDepth?.(), 'an update still to send counts').toBe(1);
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.channels['back-office']).toMatchObject({ update: 'pending' });

    second.override(undefined);
    await kiosk.restart();
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.type === 'update');
    expect(updatesAt(second).at(-1)).toMatchObject({ requestId: id, acknowledgement: { deskId: 'D1' } });
  });
});

describe('the outbox depth', () => {
  it('counts each request with a page still to send, once, and none that is delivered everywhere', async () => {
    const { second, device } = await twoDesks();
    second.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(device));
    const a = await kiosk.service.handlers['request.submit'](sampleInput());
    const b = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'drop-off' }));
    await kiosk.waitForView(a.id, (v) => v.phase === 'delivered');
    await kiosk.waitForView(b.id, (v) => v.phase === 'delivered');
    expect(kiosk.service.admin?.outboxDepth?.()).toBe(2);

    second.override(undefined);
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office' && e.fields.requestId === b.id);
    expect(kiosk.service.admin?.outboxDepth?.()).toBe(0);
  });
});
