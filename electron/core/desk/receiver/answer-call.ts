/**
 * One call to the receiver, checked in the order that gives the sender the
 * most precise answer: path (400 malformed, 404 unknown), method (405),
 * content type (415), size (413), signature, timestamp and kiosk (401), JSON
 * and schema (400), the kiosk's own id (403), a reused webhook-id (409), the
 * rate limit (429). Only then does the desk act on it; a desk that cannot
 * store answers 503. The table is in docs/backend-contract.md ("Answers").
 */
import type { IncomingMessage } from 'node:http';
import type { ErrorAnswer } from '../../../../shared/backend/messages.js';
import { verifyMessage, type VerifyResult } from '../../../../shared/backend/signing.js';
import { parseJsonBody, readBody } from '../../http/read-body.js';
import { messageDigest } from './message-digest.js';
import type { ReplayGuard } from './replay-guard.js';
import { routes, type ReceiverHandlers, type Route } from './receiver-routes.js';

export type ReceiverAnswer = {
  status: number;
  body: unknown;
  after?: () => void;
  type?: string;
  requestId?: string;
  /** Extra answer headers (Retry-After with a 429 or 503). */
  headers?: Record<string, string>;
  /**
   * Set once the call's signature verified: the answer is signed with the
   * secret that verified it and bound to its webhook-id, so the kiosk can
   * tell this desk's answer from anyone else's (signAnswer in shared/backend/signing.ts).
   */
  signWith?: AnswerSigning;
};

/** The secret that verified a call, and that call's webhook-id. */
export type AnswerSigning = { secret: string; messageId: string };

/** A secret the desk accepts, and the kiosk it belongs to (none for a configured, loopback-only secret). */
export type TrustedSender = { secret: string; kioskId?: string };

export type AnswerOptions = {
  /** Read on every call, so an unpaired kiosk is refused at once. */
  senders: () => readonly TrustedSender[];
  handlers: ReceiverHandlers;
  replays: ReplayGuard;
  now: () => number;
  bodyLimit: number;
};

/** Seconds a sender is asked to wait when the desk cannot store a message. */
export const storageRetryAfterSeconds = 5;

const refuse = (status: number, error: string, message: string): ReceiverAnswer => ({
  status,
  body: { error, message } satisfies ErrorAnswer,
});

/** True when the path has a `%` not followed by two hex digits, or escapes that are not UTF-8. */
function malformedPath(raw: string): boolean {
  try {
    decodeURIComponent(raw);
    return false;
  } catch {
    return true;
  }
}

/** The kiosk id a body claims, read without trusting it, to tell an unknown kiosk from a bad signature. */
function claimedKioskId(text: string, kioskIdOf: (message: unknown) => string | undefined): string | undefined {
  const json = parseJsonBody(text);
  if (!json.ok) return undefined;
  let id: unknown;
  try {
    id = kioskIdOf(json.value);
  } catch {
    // A body of another shape (null, a number, no kiosk) claims no kiosk.
  }
  return typeof id === 'string' ? id : undefined;
}

/** Finds the sender whose secret signed the body. A stale timestamp is reported as such, whoever signed. */
function verifySender(
  senders: readonly TrustedSender[],
  body: string,
  headers: IncomingMessage['headers'],
): { ok: true; sender: TrustedSender; messageId: string } | Extract<VerifyResult, { ok: false }> {
  let last: Extract<VerifyResult, { ok: false }> = { ok: false, reason: 'bad-signature', message: 'no signature matched any paired kiosk' };
  for (const sender of senders) {
    const result = verifyMessage([sender.secret], body, headers);
    if (result.ok) return { ok: true, sender, messageId: result.messageId };
    if (result.reason !== 'bad-signature') return result;
    last = result;
  }
  return last;
}

/** What a retry of an already processed message is answered: the same as the first time said, changing nothing. */
function duplicateBody(type: string): unknown {
  return type === 'request.created' ? { received: true, duplicate: true } : { ok: true };
}

/** Checks one call and, when it passes, hands it to the desk. Never throws for a bad call: it answers 4xx. */
export async function answerCall(request: IncomingMessage, options: AnswerOptions): Promise<ReceiverAnswer> {
  const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
  if (malformedPath(rawPath)) return refuse(400, 'bad-path', 'the path has a malformed percent-encoding');
  const path = new URL(request.url ?? '/', 'http://receiver').pathname;
  const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
  if (!route) return refuse(404, 'not-found', 'no such path; the contract lives under /lobby/v1');
  if (request.method !== 'POST') return refuse(405, 'method-not-allowed', 'use POST');
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return refuse(415, 'unsupported-media-type', 'send the body as application/json');

  const body = await readBody(request, options.bodyLimit);
  if (!body.ok) return refuse(413, 'too-large', `the body must be at most ${options.bodyLimit} bytes`);

  const senders = options.senders();
  const verified = verifySender(senders, body.text, request.headers);
  if (!verified.ok) {
    const claimed = verified.reason === 'bad-signature' ? claimedKioskId(body.text, route.kioskIdOf) : undefined;
    // Only paired kiosks are known by id; with a configured secret any id may be genuine.
    const unknown = claimed !== undefined && senders.every((s) => s.kioskId !== undefined && s.kioskId !== claimed);
    if (unknown) return refuse(401, 'unknown-kiosk', 'no kiosk with this id is paired with this desk');
    return refuse(401, verified.reason, verified.message);
  }

  const signWith: AnswerSigning = { secret: verified.sender.secret, messageId: verified.messageId };
  return { ...(await answerVerified(route, body.text, verified.sender, verified.messageId, options)), signWith };
}

/** The rest of a call whose signature verified: its body, its kiosk, a replayed webhook-id, and the desk's own answer. */
async function answerVerified(
  route: Route,
  text: string,
  sender: TrustedSender,
  messageId: string,
  options: AnswerOptions,
): Promise<ReceiverAnswer> {
  const json = parseJsonBody(text);
  if (!json.ok) return refuse(400, 'bad-json', 'the body is not valid JSON');
  const parsed = route.schema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    return refuse(400, 'invalid-body', `${field}: ${issue?.message ?? 'invalid'}`);
  }

  const message = parsed.data as { type: string };
  const from = sender.kioskId;
  const claimed = route.kioskIdOf(message);
  // A paired kiosk's secret speaks for that kiosk only.
  if (from !== undefined && claimed !== undefined && claimed !== from)
    return refuse(403, 'wrong-kiosk', 'this secret belongs to another kiosk');
  const requestId = route.requestIdOf(message);
  const about = { type: message.type, ...(requestId === undefined ? {} : { requestId }) };
  const at = options.now();
  const digest = messageDigest(message);
  // Awaited: the desk answers only once what it must store is on disk. A failure to store rejects (503) and a
  // rate limit answers 429; neither remembers the webhook-id, so the kiosk's retry of the same message is processed as new.
  const handleAndRemember = async (): Promise<ReceiverAnswer> => {
    let handled: Awaited<ReturnType<typeof route.handle>>;
    try {
      handled = await route.handle(options.handlers, message, { kioskId: from });
    } catch {
      return {
        ...refuse(503, 'storage-failed', 'the desk could not store this message; send it again'),
        headers: { 'retry-after': String(storageRetryAfterSeconds) },
        ...about,
      };
    }
    if ('retryAfterSeconds' in handled)
      return {
        ...refuse(429, 'rate-limited', `too many messages from this kiosk; try again in ${handled.retryAfterSeconds} seconds`),
        headers: { 'retry-after': String(handled.retryAfterSeconds) },
        ...about,
      };
    if (handled.refused) return { ...refuse(403, handled.refused, 'this kiosk may not change that request'), ...about };
    // Remembered only once handled: a message the desk could not act on is not a duplicate when it comes again.
    options.replays.remember(messageId, { ...about, digest }, at);
    return { status: 200, body: handled.body, after: handled.after, ...about };
  };
  const earlier = options.replays.seen(messageId, at);
  // A read changes nothing, so asking again is simply answered again.
  if (earlier && message.type !== 'status.query') {
    // The kiosk sends a message again under the same webhook-id until it sees a 2xx: a retry, answered as a duplicate.
    const stillHeld = message.type !== 'request.created' || (requestId !== undefined && options.handlers.hasRequest(requestId));
    if (earlier.digest === digest && stillHeld) return { status: 200, body: duplicateBody(message.type), ...about };
    if (earlier.digest === digest) return handleAndRemember();
    return { ...refuse(409, 'webhook-id-reused', 'this webhook-id was already used for a different message'), ...about };
  }
  return handleAndRemember();
}
