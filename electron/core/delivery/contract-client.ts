/**
 * The kiosk side of the backend-call contract (shared/backend/messages.ts):
 * builds each message with the time of this attempt, signs and posts it.
 */
import { statusAnswerSchema, type StatusAnswer } from '../../../shared/backend/messages.js';
import type { Logger } from '../logger.js';
import { verifyMessage } from '../../../shared/backend/signing.js';
import { postSigned, type CertificatePin, type PostDeps, type PostOutcome } from './http-post.js';
import { freshMessageId } from './message-id.js';

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
    deps.logger.warn('status answer does not follow the contract', { channel: deps.channelId, reason: parsed.error.issues[0]?.path.join('.') ?? 'body' });
    return undefined;
  }
  return parsed.data;
}
