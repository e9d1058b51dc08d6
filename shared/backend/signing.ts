/**
 * Standard Webhooks signing and verification, through the spec's own
 * library (`standardwebhooks`): headers `webhook-id`, `webhook-timestamp`,
 * `webhook-signature` (`v1,` + base64 HMAC-SHA256 over `id.timestamp.body`),
 * `whsec_` secrets, 5-minute tolerance, constant-time compare.
 *
 * Key rotation: a sender holding several secrets signs with each, and the
 * signatures travel space-separated in one header; a receiver accepts a
 * message that any of its secrets verifies.
 */
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
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') flat[key.toLowerCase()] = value;
  }
  const messageId = flat[signatureHeaders.id];
  if (!messageId || !flat[signatureHeaders.timestamp] || !flat[signatureHeaders.signature]) {
    return { ok: false, reason: 'missing-headers', message: 'webhook-id, webhook-timestamp and webhook-signature are all required' };
  }
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
  const verified = verifyMessage(secrets, body, headers);
  if (!verified.ok || verified.messageId === answerMessageId(messageId)) return verified;
  return { ok: false, reason: 'unbound-answer', message: 'the answer is signed for another message' };
}
