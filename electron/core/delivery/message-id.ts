import { randomInt } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Letters and digits from the system's CSPRNG (no modulo bias: randomInt is uniform). */
export function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i += 1) token += alphabet[randomInt(alphabet.length)];
  return token;
}

/**
 * The Standard Webhooks id of a `request.created` message: the same on every
 * retry, so a receiver can deduplicate on it.
 */
export function createdMessageId(requestId: string): string {
  return `msg_${requestId}`;
}

/** A fresh id for messages that are not retried as the same message (status, updates, heartbeats). */
export function freshMessageId(): string {
  return `msg_${randomToken(24)}`;
}
