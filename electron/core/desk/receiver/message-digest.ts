import { createHash } from 'node:crypto';

/** Fields that differ on every attempt of the same message by design. */
const perAttemptFields = new Set(['sentAt', 'ageSeconds']);

function canonical(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => canonical(item, false));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // sort() with no comparer orders strings by UTF-16 code units, the same order `<` gives (keys are never equal).
  const keys = Object.keys(record)
    .filter((key) => !(top && perAttemptFields.has(key)))
    .sort();
  return Object.fromEntries(keys.map((key) => [key, canonical(record[key], false)]));
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
