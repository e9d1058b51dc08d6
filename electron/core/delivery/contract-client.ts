/**
 * The kiosk side of the backend-call contract (shared/backend/messages.ts):
 * builds each message with the time of this attempt, signs and posts it.
 */
import { statusAnswerSchema, type RequestCreated, type StatusAnswer } from '../../../shared/backend/messages.js';
import type { NewRequest } from './channel-sender.js';
import type { Logger } from '../logger.js';
import { verifyMessage } from '../../../shared/backend/signing.js';
import { postSigned, type CertificatePin, type PostDeps, type PostOutcome } from './http-post.js';
import { freshMessageId } from './message-id.js';

/** request.created without sentAt, which postMessage stamps. */
export type RequestCreatedToSend = Omit<RequestCreated, 'sentAt'>;

export type ContractClientDeps = Omit<PostDeps, 'signal'> & { logger: Logger; kioskId: string };

/** Where a message goes and how it is signed and trusted. */
export type Endpoint = { url: string; secrets: readonly string[]; caFile?: string; pin?: CertificatePin };

/** Posts a message of the contract, stamping sentAt with the sender's clock. */
export async function postMessage(
  endpoint: Endpoint,
  messageId: string,
  message: object,
  deps: ContractClientDeps,
  signal: AbortSignal,
): Promise<PostOutcome> {
  const body = JSON.stringify({ ...message, sentAt: new Date(deps.now()).toISOString() });
  return postSigned({ ...endpoint, body, messageId }, { now: deps.now, timeoutMs: deps.timeoutMs, signal });
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

/** Asks a status endpoint about requests; undefined when it did not answer usefully (logged, asked again later). */
export async function queryStatus(
  endpoint: Endpoint,
  query: { kioskId: string; requestIds: string[] },
  deps: ContractClientDeps & { channelId: string; answerSecrets?: readonly string[] },
  signal: AbortSignal,
): Promise<StatusAnswer | undefined> {
  const message = { type: 'status.query', version: 1, kioskId: query.kioskId, requestIds: query.requestIds };
  const { result, json, text, headers } = await postMessage(endpoint, freshMessageId(), message, deps, signal);
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
    deps.logger.warn('status answer does not follow the contract', {
      channel: deps.channelId,
      reason: parsed.error.issues[0]?.path.join('.') ?? 'body',
    });
    return undefined;
  }
  return parsed.data;
}
