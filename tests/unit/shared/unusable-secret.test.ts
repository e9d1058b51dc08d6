/**
 * A secret the receiver cannot use at all (empty after `whsec_`, not base64).
 * The config refuses such secrets, but a damaged pairing or a hand-edited file
 * can still bring one: verifying must then answer "not verified" and go on
 * with the other secrets, never throw into the receiver (which answered 500).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signMessage, verifyMessage } from '../../../shared/backend/signing.js';
import { closeAllDesks, startDesk } from '../desk/support/desk-harness.js';
import { heartbeat, otherSecret, post, shippedSecret } from '../desk/support/backend-client.js';

afterEach(closeAllDesks);

const empty = 'whsec_';
const notBase64 = 'whsec_not base64 at all!';
const body = JSON.stringify({ type: 'heartbeat' });
const signedWith = (secret: string, at = new Date()) => signMessage([secret], 'msg_0001', body, at);
const noMatch = { ok: false, reason: 'bad-signature', message: 'no signature matched any configured secret' };

describe('verifying a signed message', () => {
  it('with only unusable secrets answers "not verified" and counts them, without throwing', () => {
    expect(verifyMessage([empty, notBase64], body, signedWith(shippedSecret))).toStrictEqual({ ...noMatch, unusableSecrets: 2 });
  });

  it('goes on past an unusable secret to the one that signed', () => {
    expect(verifyMessage([notBase64, shippedSecret], body, signedWith(shippedSecret))).toStrictEqual({ ok: true, messageId: 'msg_0001' });
  });

  it('still names a stale timestamp after an unusable secret', () => {
    const stale = signedWith(shippedSecret, new Date(Date.now() - 10 * 60_000));
    expect(verifyMessage([empty, shippedSecret], body, stale)).toMatchObject({ ok: false, reason: 'stale-timestamp' });
  });

  it('with usable secrets that did not sign adds no count', () => {
    expect(verifyMessage([otherSecret], body, signedWith(shippedSecret))).toStrictEqual(noMatch);
  });
});

describe('a desk receiver holding an unusable secret', () => {
  it('accepts calls signed with its good secret and refuses others as a bad signature, never failing with 500', async () => {
    const desk = await startDesk({ device: (d) => void (d.receiver.secrets = [notBase64, shippedSecret]) });
    expect(await post(`${desk.url()}/heartbeats`, heartbeat())).toMatchObject({ status: 200 });
    expect(await post(`${desk.url()}/heartbeats`, heartbeat(), { secrets: [otherSecret] })).toMatchObject({
      status: 401,
      json: { error: 'bad-signature' },
    });
    expect(desk.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
