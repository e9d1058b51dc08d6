/**
 * The sender for a desk this kiosk paired with
 * (electron/core/delivery/paired-desk-channel.ts), against a real https
 * server on 127.0.0.1 whose certificate is the one pinned: what it sends, to
 * which certificate only, and which answers it believes.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPairedDeskSender, pairedChannelId } from '../../../electron/core/delivery/paired-desk-channel.js';
import type { NewRequest } from '../../../electron/core/delivery/channel-sender.js';
import { newSigningKey, signText } from '../../../electron/core/identity/signing-key.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { verifyMessage } from '../../../shared/backend/signing.js';
import { ackStatement, closeStatement } from '../../../shared/backend/statements.js';
import type { StatusAnswer } from '../../../shared/backend/messages.js';
import { requestCreated } from '../desk/support/backend-client.js';
import { startScriptedServer, type Script } from './support/scripted-server.js';
import { testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();
const tlsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'tls');

/** The kiosk's clock, stopped 90.5 s after the person asked (near the real time, so the desk's signature check accepts it). */
const kioskNow = Math.floor(Date.now() / 1000) * 1000;
const createdAt = kioskNow - 90_500;
const signal = new AbortController().signal;

function newRequest(firstName: string | undefined): NewRequest {
  const created: NewRequest['created'] = requestCreated({ createdAt: new Date(createdAt).toISOString() });
  delete (created as { sentAt?: string }).sentAt;
  delete created.request.firstName;
  return { created, firstName, page: {} as NewRequest['page'] };
}

async function pairedDesk(script?: Script, options: { pinOtherCertificate?: boolean } = {}) {
  const tls = {
    key: await readFile(path.join(tlsDir, 'test-key.pem'), 'utf8'),
    cert: await readFile(path.join(tlsDir, 'test-cert.pem'), 'utf8'),
  };
  const server = track(await startScriptedServer(script, tls));
  const deskKey = newSigningKey();
  const fingerprint = new X509Certificate(tls.cert).fingerprint256.replace(/:/g, '').toLowerCase();
  const sink = memorySink();
  const desk = {
    deskId: 'D7',
    name: 'Front desk',
    publicKey: deskKey.publicKey,
    pairedAt: new Date(createdAt).toISOString(),
    link: {
      url: `${server.origin}/lobby/v1/`,
      certPem: tls.cert,
      certFingerprint: options.pinOtherCertificate ? 'ab'.repeat(32) : fingerprint,
      secret: testSecret,
    },
  };
  const sender = createPairedDeskSender(desk, {
    now: () => kioskNow,
    timeoutMs: 2000,
    kioskId: 'K1',
    logger: createLogger('delivery', sink),
  });
  return { server, sender, deskKey, log: sink.entries };
}

describe('the sender for a paired desk', () => {
  it('is named after the desk, in lower case', () => {
    expect(pairedChannelId('D7')).toBe('desk-d7');
  });

  it("sends request.created with the first name and the person's wait by the kiosk's clock, signed with the pairing's secret", async () => {
    const { server, sender } = await pairedDesk(() => ({ status: 200, json: { received: true, duplicate: false } }));
    expect(sender).toMatchObject({ channelId: 'desk-d7', type: 'desk', use: 'page' });
    const request = newRequest('Marisol');
    expect(await sender.deliver(request, signal)).toEqual({ outcome: 'delivered' });
    const [received] = server.received;
    expect(received?.path).toBe('/lobby/v1/requests');
    expect(received?.headers['webhook-id']).toBe(`msg_${request.created.request.id}`);
    expect(received?.json).toMatchObject({
      type: 'request.created',
      sentAt: new Date(kioskNow).toISOString(),
      ageSeconds: 90.5,
      request: { id: request.created.request.id, firstName: 'Marisol' },
    });
    expect(verifyMessage([testSecret], received!.body, received!.headers)).toMatchObject({ ok: true });
  });

  it('sends no first name when the person gave none', async () => {
    const { server, sender } = await pairedDesk();
    await sender.deliver(newRequest(undefined), signal);
    expect((server.received[0]?.json as { request: object }).request).not.toHaveProperty('firstName');
  });

  it('refuses a server whose certificate is not the one pinned at pairing, and sends it nothing', async () => {
    const { server, sender } = await pairedDesk(undefined, { pinOtherCertificate: true });
    expect(await sender.deliver(newRequest('Marisol'), signal)).toEqual({ outcome: 'retry', reason: 'CERT_NOT_PINNED' });
    expect(server.received).toEqual([]);
  });

  it('sends updates and heartbeats to their own paths, each update under its own stable id', async () => {
    const { server, sender } = await pairedDesk();
    const requestId = newRequest(undefined).created.request.id;
    const closed = { outcome: 'referred' as const, at: new Date(kioskNow).toISOString(), deskId: 'D2' };
    expect(await sender.sendUpdate!({ type: 'request.updated', version: 1, requestId, closed }, signal)).toEqual({ outcome: 'delivered' });
    const beat = {
      type: 'kiosk.heartbeat' as const,
      version: 1 as const,
      kiosk: { id: 'K1', location: 'Lobby' },
      outboxDepth: 0,
      failedDeliveries: 0,
    };
    expect(await sender.heartbeat!(beat, signal)).toEqual({ outcome: 'delivered' });
    expect(server.received.map((r) => [r.path, r.headers['webhook-id']?.startsWith('msg_')])).toEqual([
      ['/lobby/v1/updates', true],
      ['/lobby/v1/heartbeats', true],
    ]);
    expect(server.received[0]?.headers['webhook-id']).toBe(`msg_${requestId}_closed`);
    expect(server.received[1]?.json).toMatchObject({ type: 'kiosk.heartbeat', outboxDepth: 0 });
  });

  it('believes an acknowledgement and a closure only when that desk signed them', async () => {
    const ids = [0, 1, 2, 3].map(() => newRequest(undefined).created.request.id);
    const at = new Date(kioskNow).toISOString();
    let answer: StatusAnswer = { requests: [] };
    const { server, sender, deskKey, log } = await pairedDesk((r) =>
      r.path.endsWith('/status') ? { status: 200, json: answer } : { status: 200, json: {} },
    );
    const ack = (id: string, deskId = 'D7') => {
      const unsigned = { messageKey: 'coming-now' as const, deskId, deskName: 'Front desk', at };
      return { ...unsigned, signature: signText(deskKey, ackStatement(id, unsigned)) };
    };
    const closure = (id: string) => {
      const unsigned = { outcome: 'referred' as const, deskId: 'D7', at };
      return { ...unsigned, signature: signText(deskKey, closeStatement(id, unsigned)) };
    };
    answer = {
      requests: [
        // Signed by the desk: believed.
        { id: ids[0]!, state: 'closed', acknowledgement: ack(ids[0]!), closed: closure(ids[0]!) },
        // Signed for another request: moved here, so refused; the closure falls back to what is left.
        { id: ids[1]!, state: 'closed', acknowledgement: ack(ids[0]!), closed: closure(ids[0]!) },
        // Claims another desk's name: refused even though the key signed it.
        { id: ids[2]!, state: 'acknowledged', acknowledgement: ack(ids[2]!, 'D8') },
        // Unsigned closure after a signed acknowledgement: the request stays acknowledged.
        { id: ids[3]!, state: 'closed', acknowledgement: ack(ids[3]!), closed: { outcome: 'referred', deskId: 'D7', at } },
      ],
    };
    const believed = await sender.askStatus!(ids, signal);
    expect(server.received[0]?.json).toMatchObject({ type: 'status.query', kioskId: 'K1', requestIds: ids });
    expect(believed?.requests).toEqual([
      answer.requests[0],
      { id: ids[1], state: 'received' },
      { id: ids[2], state: 'acknowledged' },
      { id: ids[3], state: 'acknowledged', acknowledgement: answer.requests[3]!.acknowledgement },
    ]);
    expect(
      log.filter((e) => e.message === 'ignored an answer the desk did not sign').map((e) => [e.fields?.requestId, e.fields?.kind]),
    ).toEqual([
      [ids[1], 'acknowledgement'],
      [ids[1], 'closure'],
      [ids[2], 'acknowledgement'],
      [ids[3], 'closure'],
    ]);
    expect(log.every((e) => e.fields?.deskId === undefined || e.fields.deskId === 'D7')).toBe(true);
  });

  it("refuses a closure in another desk's name, and rewrites only a closed state when it drops a closure", async () => {
    const ids = [0, 1].map(() => newRequest(undefined).created.request.id);
    const at = new Date(kioskNow).toISOString();
    let answer: StatusAnswer = { requests: [] };
    const { sender, deskKey } = await pairedDesk(() => ({ status: 200, json: answer }));
    const otherDesk = { outcome: 'referred' as const, deskId: 'D8', at };
    const forged = {
      outcome: 'referred' as const,
      deskId: 'D7',
      at,
      signature: signText(deskKey, closeStatement('req_elsewhere', { ...otherDesk, deskId: 'D7' })),
    };
    answer = {
      requests: [
        { id: ids[0]!, state: 'closed', closed: { ...otherDesk, signature: signText(deskKey, closeStatement(ids[0]!, otherDesk)) } },
        { id: ids[1]!, state: 'unknown', closed: forged },
      ],
    };
    expect((await sender.askStatus!(ids, signal))?.requests).toEqual([
      { id: ids[0], state: 'received' },
      { id: ids[1], state: 'unknown' },
    ]);
  });
});
