/**
 * The kiosk side of the backend-call contract (shared/backend/messages.ts):
 * builds each message with the time of this attempt, signs and posts it.
 */
import { statusAnswerSchema, wireVersion, type RequestCreated, type StatusAnswer } from '../../../shared/backend/messages.js';
import type { NewRequest } from './channel-sender.js';
import type { Logger } from '../logger.js';
import { verifyAnswer, verifyKeySignedAnswer, verifyMessage, type KeySigner } from '../../../shared/backend/signing.js';
import type { AttemptResult } from './attempt.js';
import { postSigned, type CertificatePin, type PostDeps, type PostOutcome } from './http-post.js';
import { freshMessageId } from './message-id.js';

/** request.created without sentAt, which postMessage stamps. */
export type RequestCreatedToSend = Omit<RequestCreated, 'sentAt'>;

export type ContractClientDeps = Omit<PostDeps, 'signal'> & {
  logger: Logger;
  kioskId: string;
  /** Signs with this kiosk's own device key (`v1a`), for channels with `deviceKey`; absent where no identity was loaded. */
  deviceSigner?: KeySigner;
};

/** Where a message goes and how it is signed and trusted. */
export type Endpoint = {
  url: string;
  secrets: readonly string[];
  /** Signs with this kiosk's own device key (`v1a`) instead of the secrets. */
  signer?: KeySigner;
  caFile?: string;
  pin?: CertificatePin;
  /**
   * The receiver signs each 2xx answer with one of these secrets, bound to
   * the message it answers (the desk receiver does): an answer that is
   * unsigned, forged, stale or signed for another message is not believed.
   */
  boundAnswers?: true;
  /** With `boundAnswers`: the answers are signed with one of these `whpk_` keys (`v1a`), not with the secrets. */
  answerKeys?: readonly string[];
};

/**
 * A 2xx answer that does not prove it came from the receiver holding the
 * secret, as the answer to this message, counts as no answer: the kiosk
 * tries again and never tells the person what such an answer said.
 */
function believed(endpoint: Endpoint, messageId: string, outcome: PostOutcome): PostOutcome {
  if (!endpoint.boundAnswers || outcome.result.outcome !== 'delivered') return outcome;
  const verified = endpoint.answerKeys
    ? verifyKeySignedAnswer(endpoint.answerKeys, messageId, outcome.text ?? '', outcome.headers ?? {})
    : verifyAnswer(endpoint.secrets, messageId, outcome.text ?? '', outcome.headers ?? {});
  if (verified.ok) return outcome;
  return {
    result: { outcome: 'retry', reason: `answer not signed by the receiver: ${verified.reason}` },
    status: outcome.status,
    unsigned: verified.reason,
  };
}

/** Posts a message of the contract, stamping sentAt with the sender's clock. */
export async function postMessage(
  endpoint: Endpoint,
  messageId: string,
  message: object,
  deps: ContractClientDeps,
  signal: AbortSignal,
): Promise<PostOutcome> {
  const body = JSON.stringify({ ...message, sentAt: new Date(deps.now()).toISOString() });
  const outcome = await postSigned({ ...endpoint, body, messageId }, { now: deps.now, timeoutMs: deps.timeoutMs, signal });
  return believed(endpoint, messageId, outcome);
}

/**
 * `request.created` as one attempt sends it: the first name where the
 * channel may carry it, and `ageSeconds`, how long ago the person asked by
 * this kiosk's own clock at this attempt, so a desk counts the person's wait
 * without trusting the kiosk's clock (it subtracts the age from its receipt time).
 */
export function createdMessageOf(request: NewRequest, firstName: string | undefined, now: number): RequestCreatedToSend {
  const { created } = request;
  const ageMs = Math.max(0, now - Date.parse(created.request.createdAt));
  return { ...created, ageSeconds: ageMs / 1000, request: { ...created.request, ...(firstName ? { firstName } : {}) } };
}

/** Top-level fields of `request.created` added after contract 1.0; a 1.0 receiver may refuse them. */
const fieldsAfter10 = ['ageSeconds'] as const;

/**
 * Posts `request.created`. When the receiver refuses it with 400 or 422 and
 * the message carries a field newer than contract 1.0, it is sent once more,
 * at once and under the same webhook-id, in the 1.0 shape: a receiver written
 * to refuse unknown fields still gets the request, and the person is never
 * shown a failure caused by a field they cannot see. Its answer is final.
 */
export async function postCreated(
  endpoint: Endpoint,
  messageId: string,
  message: RequestCreatedToSend,
  deps: ContractClientDeps & { channelId: string },
  signal: AbortSignal,
): Promise<AttemptResult> {
  const first = await postMessage(endpoint, messageId, message, deps, signal);
  // 400 and 422 are always permanent (attempt.ts): the status alone says the receiver refused the message's shape.
  const refusedShape = first.status === 400 || first.status === 422;
  const newer = fieldsAfter10.filter((field) => field in message);
  if (!refusedShape || newer.length === 0) return first.result;
  deps.logger.warn('the receiver refused a contract 1.1 message; sending it in the 1.0 shape', {
    channel: deps.channelId,
    status: first.status,
  });
  const older: Record<string, unknown> = { ...message };
  for (const field of newer) delete older[field];
  return (await postMessage(endpoint, messageId, older, deps, signal)).result;
}

/**
 * Posts the contract's `status.query` about some requests and returns the
 * answer once it is checked (signed by the receiver for this very query when
 * the endpoint has `boundAnswers`, signed by the backend when `answerSecrets` is
 * given, and in the contract's shape); undefined when it did not answer
 * usefully (logged, asked again at the next poll).
 */
export async function postStatusQuery(
  endpoint: Endpoint,
  query: { kioskId: string; requestIds: string[] },
  deps: ContractClientDeps & { channelId: string; answerSecrets?: readonly string[] },
  signal: AbortSignal,
): Promise<StatusAnswer | undefined> {
  const message = { type: 'status.query', version: wireVersion, kioskId: query.kioskId, requestIds: query.requestIds };
  const { result, json, text, headers, unsigned } = await postMessage(endpoint, freshMessageId(), message, deps, signal);
  if (unsigned) {
    // Nothing of the answer is logged: only that it was not the receiver's answer to this query, and why.
    deps.logger.warn('status answer is not signed by the receiver for this query; ignored', { channel: deps.channelId, reason: unsigned });
    return undefined;
  }
  if (result.outcome !== 'delivered') {
    if (!signal.aborted) deps.logger.warn('status query failed', { channel: deps.channelId, reason: result.reason });
    return undefined;
  }
  // A department backend signs its answer with the channel secret (docs/backend-contract.md): nobody else can acknowledge for it.
  if (deps.answerSecrets) {
    const verified = verifyMessage(deps.answerSecrets, text ?? '', headers ?? {});
    if (!verified.ok) {
      deps.logger.warn('status answer is not signed by the backend; ignored', { channel: deps.channelId, reason: verified.reason });
      return undefined;
    }
  }
  const parsed = statusAnswerSchema.safeParse(json);
  if (!parsed.success) {
    // The first wrong field's path; an answer that is not an object at all has an empty one, said as "body".
    const field = parsed.error.issues[0]?.path.join('.');
    deps.logger.warn('status answer does not follow the contract', { channel: deps.channelId, reason: field || 'body' });
    return undefined;
  }
  return parsed.data;
}
