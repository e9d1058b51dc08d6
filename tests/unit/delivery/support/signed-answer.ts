/**
 * Signs a scripted answer the way the desk receiver does: over the exact
 * body the scripted server writes, bound to the webhook-id of the message it
 * answers (signAnswer in shared/backend/signing.ts).
 */
import { signAnswer } from '../../../../shared/backend/signing.js';
import type { Answer, Received } from './scripted-server.js';

type Written = Exclude<Answer, 'hang' | 'reset'>;

/** `answer`, signed with `secret` as the answer to the message `to` (or to the webhook-id `to`). */
export function signedAnswer(secret: string, to: Received | string, answer: Written, at = new Date()): Written {
  const messageId = typeof to === 'string' ? to : (to.headers['webhook-id'] ?? '');
  const body = answer.json === undefined ? '' : JSON.stringify(answer.json);
  return { ...answer, headers: { ...answer.headers, ...signAnswer([secret], messageId, body, at) } };
}
