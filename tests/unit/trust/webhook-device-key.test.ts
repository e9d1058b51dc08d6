/**
 * A webhook channel with `"deviceKey": true` (contract 1.3): the kiosk signs
 * every message `v1a` with its own Ed25519 device key, so kiosk.json holds no
 * webhook secret, and the backend checks each message against the `whpk_`
 * public key this kiosk logs (and shows on its admin screen). With
 * `backendKey`, the kiosk believes only answers the backend signed with its own
 * key for the message they answer. Real HTTP servers on 127.0.0.1 play the
 * backend; the kiosks run with their real identity, sealed as in production.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { statusQuerySchema, type StatusAnswer } from '../../../shared/backend/messages.js';
import { signAnswerWithKey, verifyKeySignedMessage, whpkOf, type KeySigner } from '../../../shared/backend/signing.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer, type Answer, type Received } from '../delivery/support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret, type KioskHarness } from '../kiosk/support/kiosk-harness.js';
import { manualSchedule } from '../kiosk/support/manual-schedule.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { expectNoOfficerComing, expectNotReachedYet } from './support/unbelieved-answers.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'CAD', deskName: 'Dispatch', at: new Date().toISOString() };
const receipt = { received: true, duplicate: false };
const keyLog = "this webhook channel signs with this kiosk's device key: register this public key at the backend";

/** A backend's own Ed25519 key pair: its `whpk_` public key for kiosk.json, and a signer for its answers. */
function backendKeyPair(): { whpk: string; signer: KeySigner } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { whpk: `whpk_${der.subarray(der.length - 32).toString('base64')}`, signer: signerOf(privateKey) };
}
const signerOf =
  (privateKey: KeyObject): KeySigner =>
  (content) =>
    sign(null, Buffer.from(content, 'utf8'), privateKey).toString('base64');

/** A webhook channel signed with the device key on `origin`: requests to /hook, status to /status. */
const deviceKeyWebhook = (origin: string, extra: Record<string, unknown> = {}) => ({
  id: 'cad',
  type: 'webhook',
  url: `${origin}/hook`,
  deviceKey: true,
  ...extra,
});

/** `answer`, signed by the backend key as its answer to the message `to`. */
function keySigned(signer: KeySigner, to: Received, answer: { status: number; json: unknown }, at = new Date()): Answer {
  const body = JSON.stringify(answer.json);
  return { ...answer, headers: { ...signAnswerWithKey(signer, to.headers['webhook-id'] ?? '', body, at) } };
}

const acknowledged = (query: Received): StatusAnswer => ({
  requests: statusQuerySchema.parse(query.json).requestIds.map((id) => ({ id, state: 'acknowledged' as const, acknowledgement: ack })),
});

/** The public key the kiosk logged for the channel at start. */
async function loggedKey(kiosk: KioskHarness): Promise<string> {
  const entry = await kiosk.waitForLog((e) => e.message === keyLog);
  expect(entry.fields).toMatchObject({ channel: 'cad', kioskId: 'K1' });
  return String(entry.fields?.publicKey);
}

describe('a webhook channel signed with the device key (deviceKey: true)', () => {
  it('signs each message v1a with the kiosk’s own key: the backend verifies it with the whpk_ key the kiosk logged', async () => {
    const server = track(await startScriptedServer(() => ({ status: 200, json: receipt })));
    const config = kioskConfig({ channels: [deviceKeyWebhook(server.origin, { heartbeatSeconds: 30 })] });
    expect(JSON.stringify(config)).not.toContain('whsec_');
    const kiosk = track(await startKiosk(config, { identity: true }));
    const whpk = await loggedKey(kiosk);
    expect(whpk).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    // The key shown is this kiosk's identity key, the one it pairs with.
    expect(whpk).toBe(whpkOf(kiosk.trust!.identity.signing.publicKey));

    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await server.waitFor((r) => (r.json as { type?: string }).type === 'kiosk.heartbeat');
    for (const message of server.received) {
      expect(message.headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
      expect(verifyKeySignedMessage([whpk], message.body, message.headers)).toEqual({ ok: true, messageId: message.headers['webhook-id'] });
    }
    const created = server.received.find((r) => r.path === '/hook' && r.body.includes(id))!;
    expect(created.headers['webhook-id']).toBe(`msg_${id}`);
    // A changed body, or a signature over another webhook-id, does not verify.
    expect(verifyKeySignedMessage([whpk], created.body.replace('help-self', 'help-other'), created.headers)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyKeySignedMessage([whpk], created.body, { ...created.headers, 'webhook-id': 'msg_other' })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('a message signed by another kiosk’s key fails the check with this kiosk’s key', async () => {
    const server = track(await startScriptedServer(() => ({ status: 200, json: receipt })));
    const config = kioskConfig({ channels: [deviceKeyWebhook(server.origin)] });
    const first = track(await startKiosk(config, { identity: true }));
    const second = track(await startKiosk(config, { identity: true }));
    const [firstKey, secondKey] = [await loggedKey(first), await loggedKey(second)];
    expect(firstKey).not.toBe(secondKey);
    const { id } = await second.service.handlers['request.submit'](sampleInput());
    await second.waitForView(id, (v) => v.phase === 'delivered');
    const fromSecond = server.received.find((r) => r.body.includes(id))!;
    expect(verifyKeySignedMessage([firstKey], fromSecond.body, fromSecond.headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyKeySignedMessage([secondKey], fromSecond.body, fromSecond.headers)).toMatchObject({ ok: true });
  });

  it('keeps the same key across a restart when the key is sealed, and says so loudly when it is in memory only', async () => {
    const server = track(await startScriptedServer(() => ({ status: 200, json: receipt })));
    const config = kioskConfig({ channels: [deviceKeyWebhook(server.origin)] });
    const sealed = track(await startKiosk(config, { identity: true }));
    const before = await loggedKey(sealed);
    await sealed.restart();
    const keys = sealed.log.filter((e) => e.message === keyLog).map((e) => e.fields?.publicKey);
    expect(keys).toEqual([before, before]);
    expect(sealed.log.filter((e) => e.level === 'error')).toEqual([]);

    const memoryOnly = track(await startKiosk(config, { identity: true, platform: { cipher: undefined } }));
    const error = await memoryOnly.waitForLog((e) => e.level === 'error' && /changes at every restart/.test(e.message));
    expect(error.message).toContain('docs/setup.md');
    expect(error.fields).toEqual({ channel: 'cad' });
  });

  it('without statusUrl and backendKey, a 2xx receipt is "delivered" as from a 1.1 backend', async () => {
    const server = track(await startScriptedServer(() => ({ status: 200, json: receipt })));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deviceKeyWebhook(server.origin)] }), { identity: true }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect(await kiosk.waitForView(id, (v) => v.phase === 'delivered')).toMatchObject({ phase: 'delivered' });
  });
});

describe('answers from a backend with its own key (deviceKey with backendKey)', () => {
  type StatusScript = (query: Received, earlier: Received[]) => Answer;

  /**
   * A kiosk whose backend signs its receipts with its own key and answers its status queries with the script
   * made from that key's signer; resolves once three more queries than at delivery were weighed.
   */
  async function kioskWithStatusAnswer(scriptOf: (backendSigner: KeySigner) => StatusScript) {
    const backend = backendKeyPair();
    const statusAnswer = scriptOf(backend.signer);
    const queries: Received[] = [];
    const server = track(
      await startScriptedServer((r) => {
        if (r.path !== '/status') return keySigned(backend.signer, r, { status: 200, json: receipt });
        const answer = statusAnswer(r, [...queries]);
        queries.push(r);
        return answer;
      }),
    );
    const channel = deviceKeyWebhook(server.origin, { statusUrl: `${server.origin}/status`, backendKey: backend.whpk });
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channel] }), { identity: true }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const target = queries.length + 3;
    await server.waitFor(() => queries.length >= target);
    return { kiosk, id };
  }

  const other = backendKeyPair();
  const forged: Array<{ what: string; reason: string; script: (backendSigner: KeySigner) => StatusScript }> = [
    { what: 'an unsigned acknowledgement', reason: 'missing-headers', script: () => (q) => ({ status: 200, json: acknowledged(q) }) },
    {
      what: 'an acknowledgement signed with another key',
      reason: 'bad-signature',
      script: () => (q) => keySigned(other.signer, q, { status: 200, json: acknowledged(q) }),
    },
    {
      what: "an acknowledgement signed with the backend's key for this query, but 10 minutes ago (stale)",
      reason: 'stale-timestamp',
      script: (signer) => (q) => keySigned(signer, q, { status: 200, json: acknowledged(q) }, new Date(Date.now() - 10 * 60_000)),
    },
    {
      // The first query is answered with nothing; then every answer is an acknowledgement signed with the backend's
      // own key as its answer to that first query: a captured signed answer, replayed.
      what: "an acknowledgement signed with the backend's key for an earlier query (a replay)",
      reason: 'unbound-answer',
      script: (signer) => (q, earlier) =>
        earlier[0]
          ? keySigned(signer, earlier[0], { status: 200, json: acknowledged(q) })
          : keySigned(signer, q, { status: 200, json: { requests: [] } }),
    },
  ];

  it.each(forged)('$what is not believed: the kiosk does not say an officer is coming', async ({ script, reason }) => {
    const { kiosk, id } = await kioskWithStatusAnswer(script);
    await expectNoOfficerComing(kiosk, id, { channel: 'cad', reason });
  });

  it('the acknowledgement the backend signed with its key for this very query is believed', async () => {
    const { kiosk, id } = await kioskWithStatusAnswer((signer) => (q) => keySigned(signer, q, { status: 200, json: acknowledged(q) }));
    const view = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(view.acknowledgement).toEqual(ack);
  });

  it('an unsigned receipt is not "delivered": the kiosk keeps sending and says it has not reached anyone yet', async () => {
    const backend = backendKeyPair();
    const impostor = track(await startScriptedServer((r) => ({ status: 200, json: r.path === '/status' ? acknowledged(r) : receipt })));
    const { schedule, timers } = manualSchedule();
    const channel = deviceKeyWebhook(impostor.origin, { statusUrl: `${impostor.origin}/status`, backendKey: backend.whpk });
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channel] }), { identity: true, options: { schedule } }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await impostor.waitFor(() => impostor.received.filter((r) => r.path === '/hook').length >= 3);
    await expectNotReachedYet(kiosk, id, timers);
    expect(impostor.received.some((r) => r.path === '/status')).toBe(false);
  });

  it("one request's receipt signed with another key, or replayed for another request, does not deliver it", async () => {
    const backend = backendKeyPair();
    let firstReceipt: Answer | undefined;
    const server = track(
      await startScriptedServer((r) => {
        if (r.path === '/status') return keySigned(backend.signer, r, { status: 200, json: { requests: [] } });
        if (r.path === '/other') return keySigned(other.signer, r, { status: 200, json: receipt });
        firstReceipt ??= keySigned(backend.signer, r, { status: 200, json: receipt });
        return firstReceipt;
      }),
    );
    const channel = deviceKeyWebhook(server.origin, { statusUrl: `${server.origin}/status`, backendKey: backend.whpk });
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channel] }), { identity: true }));
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    const toSecond = () => server.received.filter((r) => r.path === '/hook' && r.body.includes(second.id));
    await server.waitFor(() => toSecond().length >= 3);
    expect((await kiosk.service.handlers['request.get']({ id: second.id }))?.phase).toBe('captured');
    const refused = kiosk.log.find((e) => e.fields?.channel === 'cad' && String(e.fields.reason).startsWith('answer not signed'));
    expect(refused?.fields?.reason).toBe('answer not signed by the receiver: unbound-answer');

    const elsewhere = deviceKeyWebhook(server.origin, { url: `${server.origin}/other`, backendKey: backend.whpk });
    const another = track(await startKiosk(kioskConfig({ channels: [elsewhere] }), { identity: true }));
    const third = await another.service.handlers['request.submit'](sampleInput());
    await server.waitFor(() => server.received.filter((r) => r.path === '/other').length >= 3);
    expect((await another.service.handlers['request.get']({ id: third.id }))?.phase).toBe('captured');
    const otherKey = another.log.find((e) => e.fields?.channel === 'cad' && String(e.fields.reason).startsWith('answer not signed'));
    expect(otherKey?.fields?.reason).toBe('answer not signed by the receiver: bad-signature');
  });

  it('a heartbeat "ok" counts only when signed with the backend key for that heartbeat', async () => {
    const backend = backendKeyPair();
    const server = track(
      await startScriptedServer((r) =>
        r.path === '/beats' ? { status: 200, json: { ok: true } } : keySigned(backend.signer, r, { status: 200, json: receipt }),
      ),
    );
    const channel = deviceKeyWebhook(server.origin, {
      backendKey: backend.whpk,
      heartbeatSeconds: 30,
      heartbeatUrl: `${server.origin}/beats`,
    });
    const kiosk = track(await startKiosk(kioskConfig({ channels: [channel] }), { identity: true }));
    const warning = await kiosk.waitForLog((e) => e.message === 'heartbeat not accepted');
    expect(warning.fields).toEqual({ channel: 'cad', reason: 'answer not signed by the receiver: missing-headers' });

    const genuine = track(
      await startScriptedServer((r) => keySigned(backend.signer, r, { status: 200, json: r.path === '/beats' ? { ok: true } : receipt })),
    );
    const signedChannel = { ...channel, url: `${genuine.origin}/hook`, heartbeatUrl: `${genuine.origin}/beats` };
    const signed = track(await startKiosk(kioskConfig({ channels: [signedChannel] }), { identity: true }));
    await genuine.waitFor((r) => r.path === '/beats');
    // A request after the beat: once it is delivered, the beat's answer has been weighed too (one connection, in order).
    const { id } = await signed.service.handlers['request.submit'](sampleInput());
    await signed.waitForView(id, (v) => v.phase === 'delivered');
    expect(signed.log.filter((e) => e.message === 'heartbeat not accepted')).toEqual([]);
  });
});

describe('the config of a webhook that signs with the device key', () => {
  const base = { id: 'cad', type: 'webhook', url: 'https://cad.example/hook' };
  const backend = backendKeyPair();
  /** The sentences the config gives for one channel (none when it is taken). */
  const refusals = (channel: object): string[] => {
    try {
      kioskConfig({ channels: [channel] });
      return [];
    } catch (error) {
      return (error as { issues: Array<{ message: string }> }).issues.map((issue) => issue.message);
    }
  };

  it('takes deviceKey without a secret, and backendKey with it', () => {
    expect(kioskConfig({ channels: [{ ...base, deviceKey: true }] }).delivery.channels[0]).toMatchObject({ deviceKey: true });
    const withStatus = { ...base, deviceKey: true, statusUrl: 'https://cad.example/status', backendKey: backend.whpk };
    expect(kioskConfig({ channels: [withStatus] }).delivery.channels[0]).toMatchObject({ backendKey: backend.whpk });
  });

  it('refuses both a secret and deviceKey, and neither', () => {
    expect(refusals({ ...base, secret: testSecret, deviceKey: true })).toEqual([
      'a webhook signs either with "secret" or with "deviceKey": true, not both; remove one of them',
    ]);
    expect(refusals(base)).toEqual(['a webhook needs "deviceKey": true (sign with this kiosk\'s own key, nothing to copy) or a "secret"']);
    expect(refusals({ ...base, deviceKey: false })).toEqual([
      'use true (sign with this kiosk\'s own device key), or leave it out and give "secret"',
    ]);
  });

  it('refuses a statusUrl without backendKey, saying why', () => {
    expect(refusals({ ...base, deviceKey: true, statusUrl: 'https://cad.example/status' })).toEqual([
      'a webhook with "deviceKey" and "statusUrl" needs "backendKey" (the backend\'s "whpk_" public key): without it the kiosk cannot tell a real answer from a forged one, and it shows a person what the answer says',
    ]);
  });

  it('refuses a malformed backend key, backendKey with a secret, and signedAnswers with deviceKey', () => {
    const malformed = 'use the backend\'s public key: "whpk_" followed by the base64 of its 32-byte Ed25519 key';
    for (const bad of [testSecret, 'whpk_short=', `${backend.whpk.slice(0, -2)}==`, backend.whpk.slice(5), `${backend.whpk} `])
      expect(refusals({ ...base, deviceKey: true, backendKey: bad })).toEqual([malformed]);
    expect(refusals({ ...base, secret: testSecret, backendKey: backend.whpk })).toEqual([
      '"backendKey" goes with "deviceKey": true; with a "secret", use "signedAnswers" instead',
    ]);
    expect(refusals({ ...base, deviceKey: true, signedAnswers: true })).toEqual([
      'with "deviceKey", the backend signs its answers with its own key: give "backendKey" instead of "signedAnswers"',
    ]);
  });
});
