/**
 * A department backend written from docs/backend-contract.md's "Device-key
 * signatures" alone: nothing but node:crypto, the verification and the answer
 * signing exactly as the page's JavaScript examples write them. The real
 * kiosk, with `deviceKey` and `backendKey`, is believed by it and believes it;
 * and the page's byte-for-byte example verifies with the key it names.
 */
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyKeySignedMessage } from '../../../shared/backend/signing.js';
import { kioskConfig, sampleInput, startKiosk } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { repoRoot } from '../support/temp-config.js';

const track = closeAfterEach();
const docFile = path.join(repoRoot, 'docs', 'backend-contract.md');
const acknowledgement = { messageKey: 'come-to-window', deskId: 'CAD', deskName: 'Dispatch', at: new Date().toISOString() };

/** The backend of the page: `kiosks` is its trust list (kiosk id → whpk_ key); it signs its answers with its own key. */
async function startDocBackend(kiosks: Map<string, string>) {
  const refused: string[] = [];
  // From the page's example, as written.
  const keyOf = (whpk: string) =>
    createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(whpk.slice(5), 'base64')]),
      format: 'der',
      type: 'spki',
    });
  function signedBy(kioskId: string, rawBody: string, headers: IncomingHttpHeaders) {
    const whpk = kiosks.get(kioskId);
    const id = headers['webhook-id'] as string | undefined;
    const timestamp = (headers['webhook-timestamp'] as string | undefined) ?? '';
    if (!whpk || !id || !/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return undefined;
    const content = Buffer.from(`${id}.${timestamp}.${rawBody}`, 'utf8');
    const signatures = String(headers['webhook-signature'] ?? '')
      .split(' ')
      .filter((s) => s.startsWith('v1a,'));
    return signatures.some((s) => verify(null, content, keyOf(whpk), Buffer.from(s.slice(4), 'base64'))) ? kioskId : undefined;
  }
  // Once: the backend's key pair (the page's second example, as written).
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const backendKey = `whpk_${publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')}`;

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const message = JSON.parse(rawBody) as {
        type: string;
        requestIds?: string[];
        kioskId?: string;
        request?: { kiosk: { id: string } };
        kiosk?: { id: string };
      };
      const kioskId = message.request?.kiosk.id ?? message.kioskId ?? message.kiosk?.id ?? '';
      if (!signedBy(kioskId, rawBody, request.headers)) {
        refused.push(message.type);
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad-signature","message":"no"}');
        return;
      }
      const answer =
        message.type === 'status.query'
          ? { requests: (message.requestIds ?? []).map((id) => ({ id, state: 'acknowledged', acknowledgement })) }
          : message.type === 'request.created'
            ? { received: true, duplicate: false }
            : { ok: true };
      // From here on, the page's answer example, as written.
      const answerId = `ans_${request.headers['webhook-id']}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const body = JSON.stringify(answer);
      const signature = sign(null, Buffer.from(`${answerId}.${timestamp}.${body}`, 'utf8'), privateKey).toString('base64');
      response.writeHead(200, {
        'content-type': 'application/json',
        'webhook-id': answerId,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1a,${signature}`,
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, backendKey, refused };
}

const channelOn = (origin: string, backendKey: string) => ({
  id: 'cad',
  type: 'webhook',
  url: `${origin}/hook`,
  statusUrl: `${origin}/status`,
  deviceKey: true,
  backendKey,
});

describe('a backend that verifies device keys and signs its answers as docs/backend-contract.md shows', () => {
  it('believes a kiosk whose shown key it registered, and that kiosk believes its acknowledgement', async () => {
    const kiosks = new Map<string, string>();
    const backend = await startDocBackend(kiosks);
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channelOn(backend.origin, backend.backendKey)] }), { identity: true }));
    const shown = await kiosk.waitForLog((e) => e.fields?.publicKey !== undefined);
    kiosks.set('K1', String(shown.fields?.publicKey));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const view = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(view.acknowledgement).toEqual(acknowledgement);
    expect(backend.refused).toEqual([]);
  });

  it('refuses a kiosk whose key it does not hold, even one naming a registered kiosk id', async () => {
    const registered = track(await startKiosk(kioskConfig({ channels: [] }), { identity: true }));
    const kiosks = new Map([['K1', `whpk_${registered.trust!.identity.signing.publicKey}`]]);
    const backend = await startDocBackend(kiosks);
    const impostor = track(
      await startKiosk(kioskConfig({ channels: [channelOn(backend.origin, backend.backendKey)] }), { identity: true }),
    );
    const { id } = await impostor.service.handlers['request.submit'](sampleInput());
    // Refused (401): the screen says it failed and shows the other ways to get help; never "delivered".
    const view = await impostor.waitForView(id, (v) => v.status === 'failed');
    expect(view.phase).toBe('captured');
    expect(backend.refused).toContain('request.created');
  });
});

describe("the page's byte-for-byte device-key example", () => {
  it('verifies with the public key it names, and with no other body or key', async () => {
    const markdown = await readFile(docFile, 'utf8');
    const body = /<!-- signed-body -->\s*```text\n(.*)\n```/.exec(markdown)?.[1] ?? '';
    const block = /<!-- v1a-signed-headers -->\s*```http\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    const headers = Object.fromEntries([...block.matchAll(/^(webhook-[a-z]+): (.+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const whpk = /`(whpk_[A-Za-z0-9+/]{43}=)` \(an example key\)/.exec(markdown)?.[1] ?? '';
    expect(headers['webhook-signature']).toMatch(/^v1a,/);
    // The same request as the v1 example: same body, id and timestamp.
    const v1Block = /<!-- signed-headers -->\s*```http\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
    expect(v1Block).toContain(`webhook-id: ${headers['webhook-id']}`);
    expect(v1Block).toContain(`webhook-timestamp: ${headers['webhook-timestamp']}`);
    const now = Number(headers['webhook-timestamp']) * 1000;
    expect(verifyKeySignedMessage([whpk], body, headers, now)).toEqual({ ok: true, messageId: headers['webhook-id'] });
    expect(verifyKeySignedMessage([whpk], body.replace('Maya', 'Mayb'), headers, now)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    const other = `whpk_${createPublicKey(generateKeyPairSync('ed25519').privateKey).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')}`;
    expect(verifyKeySignedMessage([other], body, headers, now)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });
});
