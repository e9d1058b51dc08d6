import { randomBytes } from 'node:crypto';

/** A fresh Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
