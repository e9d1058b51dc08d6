/**
 * One call to the receiver, checked in the order that gives the sender the
 * most precise answer: path (404), method (405), content type (415), size
 * (413), signature and timestamp (401), JSON and schema (400), replay (409).
 * Only then does the desk act on it.
 */
import type { IncomingMessage } from 'node:http';
import type { ErrorAnswer } from '../../../../shared/backend/messages.js';
import { verifyMessage, type VerifyResult } from '../../../../shared/backend/signing.js';
import { parseJsonBody, readBody } from '../../http/read-body.js';
import type { ReplayGuard } from './replay-guard.js';
import { routes, type ReceiverHandlers } from './receiver-routes.js';

export type ReceiverAnswer = { status: number; body: unknown; after?: () => void; type?: string; requestId?: string };

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

const refuse = (status: number, error: string, message: string): ReceiverAnswer => ({
  status,
  body: { error, message } satisfies ErrorAnswer,
});

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

/** Checks one call and, when it passes, hands it to the desk. Never throws for a bad call: it answers 4xx. */
export async function answerCall(request: IncomingMessage, options: AnswerOptions): Promise<ReceiverAnswer> {
  const path = new URL(request.url ?? '/', 'http://receiver').pathname;
  const route = routes[path];
  if (!route) return refuse(404, 'not-found', 'no such path; the contract lives under /lobby/v1');
  if (request.method !== 'POST') return refuse(405, 'method-not-allowed', 'use POST');
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return refuse(415, 'unsupported-media-type', 'send the body as application/json');

  const body = await readBody(request, options.bodyLimit);
  if (!body.ok) return refuse(413, 'too-large', `the body must be at most ${options.bodyLimit} bytes`);

  const verified = verifySender(options.senders(), body.text, request.headers);
  if (!verified.ok) return refuse(401, verified.reason, verified.message);

  const json = parseJsonBody(body.text);
  if (!json.ok) return refuse(400, 'bad-json', 'the body is not valid JSON');
  const parsed = route.schema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    return refuse(400, 'invalid-body', `${field}: ${issue?.message ?? 'invalid'}`);
  }

  const message = parsed.data as { type: string };
  const from = verified.sender.kioskId;
  const claimed = route.kioskIdOf(message);
  // A paired kiosk's secret speaks for that kiosk only.
  if (from !== undefined && claimed !== undefined && claimed !== from)
    return refuse(403, 'wrong-kiosk', 'this secret belongs to another kiosk');
  const requestId = route.requestIdOf(message);
  const at = options.now();
  const earlier = options.replays.seen(verified.messageId, at);
  if (earlier) {
    // The kiosk's outbox resends a request with the same webhook-id until it sees a 2xx: that is a retry, not an attack.
    const retry =
      message.type === 'request.created' && earlier.type === message.type && requestId !== undefined && earlier.requestId === requestId;
    if (retry && options.handlers.hasRequest(requestId))
      return { status: 200, body: { received: true, duplicate: true }, type: message.type, requestId };
    return refuse(409, 'replayed', 'this webhook-id was already processed');
  }
  options.replays.remember(verified.messageId, requestId === undefined ? { type: message.type } : { type: message.type, requestId }, at);
  const handled = route.handle(options.handlers, message, { kioskId: from });
  if (handled.refused) return { ...refuse(403, handled.refused, 'this kiosk may not change that request'), type: message.type, requestId };
  return { status: 200, body: handled.body, after: handled.after, type: message.type, requestId };
}
