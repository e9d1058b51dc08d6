import { createHash } from 'node:crypto';

/** Fields that differ on every attempt of the same message by design. */
const perAttemptFields = new Set(['sentAt', 'ageSeconds']);

function canonical(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, false));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !(top && perAttemptFields.has(key)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item, false)]));
}

/**
 * What makes two attempts "the same message": the validated message without
 * its per-attempt fields (`sentAt`, `ageSeconds`), keys in a fixed order,
 * hashed. A retry has the same digest; a reused webhook-id carrying another
 * message does not.
 */
export function messageDigest(message: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(message, true)))
    .digest('base64url');
}
