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

/**
 * The Standard Webhooks id of a `request.updated` message: the same on every
 * retry of that update, different for a later one (the closure after the
 * acknowledgement), so a receiver answers a retry as a duplicate.
 */
export function updateMessageId(requestId: string, update: { acknowledgement?: unknown; closed?: unknown }): string {
  const parts = [update.acknowledgement ? 'ack' : '', update.closed ? 'closed' : ''].filter(Boolean).join('-');
  return `msg_${requestId}_${parts || 'none'}`;
}

/** A fresh id for messages that are never sent again as the same message (status queries, heartbeats). */
export function freshMessageId(): string {
  return `msg_${randomToken(24)}`;
}
