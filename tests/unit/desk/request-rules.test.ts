/**
 * The desk's rules for one request's life, as an officer or another desk
 * meets them: when the person asked, what an emergency may be answered with,
 * a test page, and answers from other desks (closures, ties, signatures).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { closeStatement } from '../../../shared/backend/statements.js';
import { createDeskRequests, type AnswerSigner } from '../../../electron/core/desk/desk-requests.js';
import { openRequestStore } from '../../../electron/core/desk/request-store.js';
import { newSigningKey, signText, verifyText } from '../../../electron/core/identity/signing-key.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { testStorage } from '../support/temp-config.js';
import { closeAllDesks, startDesk, type TestDesk } from './support/desk-harness.js';
import { post, requestCreated, requestUpdated } from './support/backend-client.js';

const folders: string[] = [];
afterEach(async () => {
  await closeAllDesks();
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const iso = (ms: number) => new Date(ms).toISOString();

async function arrive(desk: TestDesk, message = requestCreated()) {
  expect((await post(`${desk.url()}/requests`, message)).status).toBe(200);
  return message.request.id;
}

/** The request on the console: live, or in history once closed. */
async function viewOf(desk: TestDesk, id: string) {
  const views = [...(await desk.handlers['desk.getState']({})).requests, ...(await desk.handlers['desk.history']({ days: 7 }))];
  const view = views.find((r) => r.id === id);
  if (!view) throw new Error(`request ${id} is not on the console`);
  return view;
}

describe('when the person asked', () => {
  it('without ageSeconds: the desk receipt minus the time the kiosk held it (its sentAt minus its createdAt)', async () => {
    const desk = await startDesk();
    const message = requestCreated({ createdAt: '2026-11-30T09:00:00.000Z' });
    message.sentAt = '2026-11-30T09:01:30.000Z';
    const id = await arrive(desk, message);
    expect((await viewOf(desk, id)).askedAt).toBe(iso(desk.clock.now - 90_000));
  });

  it('with ageSeconds: that age, whatever the kiosk clock says', async () => {
    const desk = await startDesk();
    const message = requestCreated({ createdAt: '2026-11-30T09:00:00.000Z' });
    message.sentAt = '2026-11-30T09:01:30.000Z';
    message.ageSeconds = 30;
    const id = await arrive(desk, message);
    expect((await viewOf(desk, id)).askedAt).toBe(iso(desk.clock.now - 30_000));
  });
});

describe('what an officer may do', () => {
  it('an emergency cannot be answered with a wait: refused in words, and the request stays open', async () => {
    const desk = await startDesk();
    const id = await arrive(desk, requestCreated({ kind: 'emergency', priority: 'emergency', dangerNow: true }));
    await expect(desk.handlers['desk.acknowledge']({ id, messageKey: 'wait-5-minutes' })).rejects.toThrow(
      'An emergency can only be answered with help now: an officer is coming, or 911 was called.',
    );
    expect((await viewOf(desk, id)).state).toBe('open');
    expect((await desk.handlers['desk.acknowledge']({ id, messageKey: 'called-911' })).state).toBe('acknowledged');
  });

  it('a request another desk closed cannot be closed or acknowledged here', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const closed = { outcome: 'referred' as const, deskId: 'D2', at: iso(desk.clock.now + 1000) };
    expect((await post(`${desk.url()}/updates`, requestUpdated(id, { closed }))).status).toBe(200);
    await expect(desk.handlers['desk.close']({ id, outcome: 'not-today' })).rejects.toThrow(
      'Another desk has already closed this request.',
    );
    await expect(desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' })).rejects.toThrow(
      'Another desk has already closed this request.',
    );
    expect((await viewOf(desk, id)).closed).toEqual(closed);
  });

  it('closing twice here keeps the first outcome', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    await desk.handlers['desk.close']({ id, outcome: 'taken-to-treatment' });
    const again = await desk.handlers['desk.close']({ id, outcome: 'not-today' });
    expect(again.closed?.outcome).toBe('taken-to-treatment');
  });

  it('a second press on an answered or closed request writes nothing to disk', async () => {
    const writes: string[] = [];
    const files: DurableFiles = {
      ...nodeFiles,
      writeSynced: async (file, data) => {
        writes.push(path.basename(file));
        await nodeFiles.writeSynced(file, data);
      },
    };
    const desk = await startDesk({ files });
    const id = await arrive(desk);
    await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    const afterAck = writes.length;
    await desk.handlers['desk.acknowledge']({ id, messageKey: 'wait-5-minutes' });
    expect(writes).toHaveLength(afterAck);
    await desk.handlers['desk.close']({ id, outcome: 'referred' });
    const afterClose = writes.length;
    await desk.handlers['desk.close']({ id, outcome: 'not-today' });
    await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    expect(writes).toHaveLength(afterClose);
  });

  it('two officers pressing at once: the first press wins, whichever write finishes', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const [first, second] = await Promise.all([
      desk.handlers['desk.acknowledge']({ id, messageKey: 'come-to-window' }),
      desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' }),
    ]);
    expect(first.acknowledgement?.messageKey).toBe('come-to-window');
    expect(second.acknowledgement?.messageKey).toBe('come-to-window');
    expect((await viewOf(desk, id)).acknowledgement?.messageKey).toBe('come-to-window');
  });
});

describe('a test page from a kiosk', () => {
  it('is alerted as a test, closes when acknowledged, and never counts in the report', async () => {
    const desk = await startDesk();
    const message = requestCreated({ reference: 'K1-0000' });
    message.request.test = true;
    const id = await arrive(desk, message);
    expect(desk.notifications).toEqual([expect.objectContaining({ title: 'TEST page from Lobby kiosk 1', urgent: false })]);
    const view = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    expect(view).toMatchObject({ test: true, state: 'closed', closed: { outcome: 'not-today', deskId: 'D1' } });
    expect((await desk.handlers['desk.report']({ period: 'day' })).total).toBe(0);
  });

  it('a real request is not a test page: it stays open when acknowledged and counts', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const view = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    expect(view.state).toBe('acknowledged');
    expect(view.test).toBeUndefined();
    expect((await desk.handlers['desk.report']({ period: 'day' })).total).toBe(1);
  });
});

describe("another desk's answers, relayed by the kiosk", () => {
  it('an answer is refused only when dated over five minutes before the earlier of the capture and the receipt', async () => {
    const desk = await startDesk();
    const minutes = (n: number) => n * 60_000;
    const ack = (at: number) => ({ messageKey: 'coming-now' as const, deskId: 'D2', deskName: 'Records window', at: iso(at) });
    // The kiosk's clock an hour behind the desk's: the capture is the earlier.
    const behind = await arrive(desk, requestCreated({ createdAt: iso(desk.clock.now - minutes(60)) }));
    expect(
      (await post(`${desk.url()}/updates`, requestUpdated(behind, { acknowledgement: ack(desk.clock.now - minutes(30)) }))).status,
    ).toBe(200);
    expect((await viewOf(desk, behind)).acknowledgement?.deskId).toBe('D2');
    // The kiosk's clock an hour ahead: the receipt is the earlier.
    const ahead = await arrive(desk, requestCreated({ createdAt: iso(desk.clock.now + minutes(60)) }));
    expect((await post(`${desk.url()}/updates`, requestUpdated(ahead, { acknowledgement: ack(desk.clock.now - minutes(4)) }))).status).toBe(
      200,
    );
    const closed = { outcome: 'referred' as const, deskId: 'D2', at: iso(desk.clock.now - minutes(6)) };
    const refused = await post(`${desk.url()}/updates`, requestUpdated(ahead, { closed }));
    expect(refused).toMatchObject({ status: 403, json: { error: 'dated-before-request' } });
    expect((await viewOf(desk, ahead)).state).toBe('acknowledged');
  });

  it('the same answer relayed twice changes the request once', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const acknowledgement = { messageKey: 'coming-now' as const, deskId: 'D2', deskName: 'Records window', at: iso(desk.clock.now + 1000) };
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement }));
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement }));
    expect(desk.changes.filter((c) => c.request?.id === id && c.request.state === 'acknowledged')).toHaveLength(1);
    expect(desk.logs.filter((e) => e.message === 'another desk answered a request')).toHaveLength(1);
  });

  it('a closure alone closes a request this desk acknowledged, keeping the acknowledgement', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const ack = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    const closed = { outcome: 'taken-to-treatment' as const, deskId: 'D2', at: iso(desk.clock.now + 60_000) };
    expect(await post(`${desk.url()}/updates`, requestUpdated(id, { closed }))).toEqual({ status: 200, json: { ok: true } });
    const view = await viewOf(desk, id);
    expect(view.closed).toEqual(closed);
    expect(view.acknowledgement?.at).toBe(ack.acknowledgement?.at);
    expect(view.acknowledgement?.deskId).toBe('D1');
  });

  it('a later closure from another desk does not replace the first one', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const first = await desk.handlers['desk.close']({ id, outcome: 'taken-to-treatment' });
    const other = { outcome: 'not-today' as const, deskId: 'D2', at: iso(desk.clock.now + 60_000) };
    await post(`${desk.url()}/updates`, requestUpdated(id, { closed: other }));
    expect((await viewOf(desk, id)).closed).toEqual(first.closed);
  });

  it('two acknowledgements at the same instant: every desk keeps the one from the lower desk id', async () => {
    const desk = await startDesk({ device: (d) => (d.desk = { id: 'D3', name: 'Side window' }) });
    const id = await arrive(desk);
    const own = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    const at = own.acknowledgement?.at ?? '';
    const fromD1 = { messageKey: 'come-to-window' as const, deskId: 'D1', deskName: 'Front desk', at };
    const fromD5 = { messageKey: 'wait-5-minutes' as const, deskId: 'D5', deskName: 'Back office', at };
    // A lower desk id never beats an earlier answer.
    const laterFromD1 = { ...fromD1, at: iso(Date.parse(at) + 1000) };
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement: laterFromD1 }));
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement: fromD5 }));
    expect((await viewOf(desk, id)).acknowledgement).toMatchObject({ deskId: 'D3', byThisDesk: true });
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement: fromD1 }));
    expect((await viewOf(desk, id)).acknowledgement).toEqual({ ...fromD1, byThisDesk: false });
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement: fromD5 }));
    expect((await viewOf(desk, id)).acknowledgement?.deskId).toBe('D1');
  });
});

/** A request store of the test's own, in a temp folder. */
async function storeOf() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-rules-'));
  folders.push(dir);
  const storage = testStorage(dir);
  return openRequestStore({ platform: storage.platform, logger: createLogger('desk', memorySink()), dataDir: storage.dataDir });
}

describe('answers that arrive before their request', () => {
  it('are kept for the last 500 such requests only', async () => {
    const requests = createDeskRequests(await storeOf(), { id: 'D1', name: 'Front desk' });
    const messages = Array.from({ length: 501 }, () => requestCreated());
    const closed = { outcome: 'referred' as const, deskId: 'D2', at: '2026-11-20T15:05:00.000Z' };
    for (const message of messages) expect(await requests.applyUpdate({ requestId: message.request.id, closed })).toBeUndefined();
    const [oldest, second, newest] = [messages[0], messages[1], messages[500]];
    if (!oldest || !second || !newest) throw new Error('501 messages expected');
    expect((await requests.receive(oldest, '2026-11-20T15:00:00.000Z'))?.closed).toBeUndefined();
    expect((await requests.receive(second, '2026-11-20T15:00:00.000Z'))?.closed).toEqual(closed);
    expect((await requests.receive(newest, '2026-11-20T15:00:00.000Z'))?.closed).toEqual(closed);
  });
});

describe('a desk with an identity', () => {
  async function paired() {
    const store = await storeOf();
    const own = newSigningKey();
    const other = newSigningKey();
    const keys: Record<string, string> = { D1: own.publicKey, D2: other.publicKey };
    const signer: AnswerSigner = {
      sign: (statement) => signText(own, statement),
      verify: (deskId, statement, signature) => {
        const key = keys[deskId];
        return key !== undefined && signature !== undefined && verifyText(key, statement, signature);
      },
    };
    const requests = createDeskRequests(store, { id: 'D1', name: 'Front desk' }, signer);
    const message = requestCreated();
    await requests.receive(message, '2026-11-20T15:00:00.000Z');
    return { requests, id: message.request.id, own, other };
  }

  it('signs its closure, so another desk can tell it came from this desk', async () => {
    const { requests, id, own } = await paired();
    const record = await requests.close(id, 'referred', '2026-11-20T15:05:00.000Z');
    const closed = record.closed;
    expect(closed).toMatchObject({ outcome: 'referred', deskId: 'D1', at: '2026-11-20T15:05:00.000Z' });
    expect(
      verifyText(own.publicKey, closeStatement(id, closed ?? { outcome: 'referred', deskId: '', at: '' }), closed?.signature ?? ''),
    ).toBe(true);
  });

  it('refuses a closure without a valid signature of the desk it names, and believes one with it', async () => {
    const { requests, id, own, other } = await paired();
    const unsigned = { outcome: 'not-today' as const, deskId: 'D2', at: '2026-11-20T15:05:00.000Z' };
    expect(requests.checkUpdate({ requestId: id, closed: unsigned })).toBe('unsigned-closure');
    const signedByAnother = { ...unsigned, signature: signText(own, closeStatement(id, unsigned)) };
    expect(requests.checkUpdate({ requestId: id, closed: signedByAnother })).toBe('unsigned-closure');
    const signed = { ...unsigned, signature: signText(other, closeStatement(id, unsigned)) };
    expect(requests.checkUpdate({ requestId: id, closed: signed })).toBeUndefined();
  });
});
