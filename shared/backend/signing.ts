/**
 * Standard Webhooks signing and verification, through the spec's own
 * library (`standardwebhooks`): headers `webhook-id`, `webhook-timestamp`,
 * `webhook-signature` (`v1,` + base64 HMAC-SHA256 over `id.timestamp.body`),
 * `whsec_` secrets, 5-minute tolerance, constant-time compare.
 *
 * Key rotation: a sender holding several secrets signs with each, and the
 * signatures travel space-separated in one header; a receiver accepts a
 * message that any of its secrets verifies.
 *
 * Also the spec's asymmetric scheme (`v1a,` + base64 Ed25519 signature over
 * the same content, `whpk_` public keys), further down.
 */
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export const signatureHeaders = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

export type SignedHeaders = Record<(typeof signatureHeaders)[keyof typeof signatureHeaders], string>;

/** A `whsec_` secret: base64 after the prefix, at least 24 bytes of key. */
export const secretPattern = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

/**
 * Signs one message. `messageId` must stay the same when the same message is
 * sent again (a retry); the timestamp is the time of this attempt.
 */
export function signMessage(secrets: readonly string[], messageId: string, body: string, at: Date): SignedHeaders {
  if (secrets.length === 0) throw new Error('signMessage needs at least one secret');
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    [signatureHeaders.id]: messageId,
    [signatureHeaders.timestamp]: String(Math.floor(at.getTime() / 1000)),
    [signatureHeaders.signature]: signatures.join(' '),
  } as SignedHeaders;
}

export type VerifyFailure = 'missing-headers' | 'stale-timestamp' | 'bad-signature' | 'unbound-answer';
export type VerifyResult =
  | { ok: true; messageId: string }
  | {
      ok: false;
      reason: VerifyFailure;
      message: string;
      /** How many of the receiver's own secrets could not be used at all (empty, not base64): its setup to fix, for its log. */
      unusableSecrets?: number;
    };

/** The three signature headers, lower-cased and single-valued, or why they are not all there. */
function signedHeadersOf(
  headers: Record<string, string | string[] | undefined>,
):
  | { ok: true; flat: Record<string, string>; messageId: string; timestamp: string; signature: string }
  | Extract<VerifyResult, { ok: false }> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') flat[key.toLowerCase()] = value;
  }
  const messageId = flat[signatureHeaders.id];
  const timestamp = flat[signatureHeaders.timestamp];
  const signature = flat[signatureHeaders.signature];
  if (!messageId || !timestamp || !signature) {
    return { ok: false, reason: 'missing-headers', message: 'webhook-id, webhook-timestamp and webhook-signature are all required' };
  }
  return { ok: true, flat, messageId, timestamp, signature };
}

/** A verified message is an answer to `messageId` only if it was signed under that message's answer id. */
function boundToAnswer(verified: VerifyResult, messageId: string): VerifyResult {
  if (!verified.ok || verified.messageId === answerMessageId(messageId)) return verified;
  return { ok: false, reason: 'unbound-answer', message: 'the answer is signed for another message' };
}

/**
 * Verifies a raw body against its headers with any of the receiver's
 * secrets. Never throws; the reason says which check failed, for a precise
 * 4xx answer. The timestamp is checked against the receiver's own clock.
 * A secret that cannot be used (the config refuses those, but a receiver
 * must not fail on one) verifies nothing: the others are still tried, and
 * a failure counts it in `unusableSecrets`.
 */
export function verifyMessage(
  secrets: readonly string[],
  body: string,
  headers: Record<string, string | string[] | undefined>,
): VerifyResult {
  const read = signedHeadersOf(headers);
  if (!read.ok) return read;
  const { flat, messageId } = read;
  let last: VerifyResult = { ok: false, reason: 'bad-signature', message: 'no signature matched any configured secret' };
  let unusableSecrets = 0;
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, flat, { jsonParse: false });
      return { ok: true, messageId };
    } catch (error) {
      // Anything else comes from the secret itself (the library's "Secret can't be empty", a base64 error).
      if (!(error instanceof WebhookVerificationError)) {
        unusableSecrets += 1;
        continue;
      }
      if (/timestamp/i.test(error.message) || /Invalid Signature Headers/.test(error.message)) {
        return {
          ok: false,
          reason: 'stale-timestamp',
          message: "webhook-timestamp is missing, malformed or more than 5 minutes from the receiver's clock",
        };
      }
      last = { ok: false, reason: 'bad-signature', message: 'no signature matched any configured secret' };
    }
  }
  return unusableSecrets > 0 ? { ...last, unusableSecrets } : last;
}

/**
 * The webhook-id a receiver signs its answer to one message under: bound to
 * that message, so a signed answer cannot be replayed as the answer to
 * another one. The prefix is one no sender's message carries ("msg_"), so a
 * signed message can never be passed back as its own answer.
 */
export function answerMessageId(messageId: string): string {
  return `ans_${messageId}`;
}

/** Signs a receiver's answer (the response body) to the message `messageId`, with the secret that verified it. */
export function signAnswer(secrets: readonly string[], messageId: string, body: string, at: Date): SignedHeaders {
  return signMessage(secrets, answerMessageId(messageId), body, at);
}

/**
 * Verifies that an answer was signed by one of the sender's secrets and is
 * the answer to the message `messageId` (not to an earlier one). Never throws.
 */
export function verifyAnswer(
  secrets: readonly string[],
  messageId: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
): VerifyResult {
  return boundToAnswer(verifyMessage(secrets, body, headers), messageId);
}

/*
 * Asymmetric signatures (Standard Webhooks `v1a`, Ed25519): the sender signs
 * with a private key only it holds, and the receiver keeps a trust list of
 * public keys (`whpk_` + base64 of the raw 32 bytes). A kiosk signs with its
 * own device key, so no secret is copied into its config; a backend may sign
 * its answers with a key of its own. The signed content is the same as v1:
 * `{webhook-id}.{webhook-timestamp}.{body}`.
 */

/** A `whpk_` public key: base64 of the raw 32-byte Ed25519 key after the prefix. */
export const publicKeyPattern = /^whpk_[A-Za-z0-9+/]{43}=$/;

/** Signs text with a private Ed25519 key it keeps to itself: base64 of the 64-byte signature. */
export type KeySigner = (content: string) => string;

/** The `whpk_` form of a raw Ed25519 public key given as base64 (as `rawPublicKey` returns it). */
export function whpkOf(rawPublicKeyBase64: string): string {
  return `whpk_${rawPublicKeyBase64}`;
}

/** The receiver's tolerance for the timestamp, as for v1 (Standard Webhooks: 5 minutes). */
const toleranceSeconds = 5 * 60;
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

function publicKeyObject(whpk: string): KeyObject | undefined {
  if (!publicKeyPattern.test(whpk)) return undefined;
  const raw = Buffer.from(whpk.slice('whpk_'.length), 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([ed25519SpkiPrefix, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** Signs one message with `v1a` (see signMessage for `messageId` and `at`). */
export function signMessageWithKey(signer: KeySigner, messageId: string, body: string, at: Date): SignedHeaders {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return {
    [signatureHeaders.id]: messageId,
    [signatureHeaders.timestamp]: timestamp,
    [signatureHeaders.signature]: `v1a,${signer(`${messageId}.${timestamp}.${body}`)}`,
  } as SignedHeaders;
}

/**
 * Verifies a raw body against its headers with any of the receiver's trusted
 * `whpk_` keys (never a key taken from the request). Only `v1a` entries of
 * the space-separated signature list count. Never throws; `now` is the
 * receiver's clock in milliseconds.
 */
export function verifyKeySignedMessage(
  publicKeys: readonly string[],
  body: string,
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now(),
): VerifyResult {
  const read = signedHeadersOf(headers);
  if (!read.ok) return read;
  const { messageId, timestamp, signature: header } = read;
  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > toleranceSeconds) {
    return {
      ok: false,
      reason: 'stale-timestamp',
      message: "webhook-timestamp is missing, malformed or more than 5 minutes from the receiver's clock",
    };
  }
  const content = Buffer.from(`${messageId}.${timestamp}.${body}`, 'utf8');
  const signatures = header
    .split(' ')
    .filter((entry) => entry.startsWith('v1a,'))
    .map((entry) => Buffer.from(entry.slice(4), 'base64'))
    .filter((signature) => signature.length === 64);
  let unusableSecrets = 0;
  for (const whpk of publicKeys) {
    const key = publicKeyObject(whpk);
    if (!key) {
      unusableSecrets += 1;
      continue;
    }
    for (const signature of signatures) {
      if (verifySignature(null, content, key, signature)) return { ok: true, messageId };
    }
  }
  const failure: VerifyResult = { ok: false, reason: 'bad-signature', message: 'no v1a signature matched any trusted public key' };
  return unusableSecrets > 0 ? { ...failure, unusableSecrets } : failure;
}

/** Signs a receiver's answer to the message `messageId` with its own key (`v1a`), bound as signAnswer binds. */
export function signAnswerWithKey(signer: KeySigner, messageId: string, body: string, at: Date): SignedHeaders {
  return signMessageWithKey(signer, answerMessageId(messageId), body, at);
}

/** Verifies that an answer was signed by one of `publicKeys` as the answer to the message `messageId`. Never throws. */
export function verifyKeySignedAnswer(
  publicKeys: readonly string[],
  messageId: string,
  body: string,
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now(),
): VerifyResult {
  return boundToAnswer(verifyKeySignedMessage(publicKeys, body, headers, now), messageId);
}
