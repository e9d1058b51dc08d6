/**
 * The desk's one-time pairing code: shown on the desk's admin screen, typed
 * on the kiosk's. One code at a time; single use; void after 10 minutes or
 * after 5 wrong tries, whichever comes first. Issuing a new one voids the old.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

export const codeLifetimeMs = 10 * 60 * 1000;
export const maxWrongTries = 5;
const codeDigits = 8;

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'used-up' | 'none';

export type PairingCodes = {
  /** A new code (8 digits), replacing any earlier one. */
  issue(): { code: string; expiresAt: string };
  /** Checks a typed code and, when right, uses it up. */
  redeem(typed: string): CodeCheck;
  /** Whether a code is waiting to be used. */
  active(): boolean;
};

type Active = { code: string; expiresAt: number; wrong: number };

export function createPairingCodes(now: () => number): PairingCodes {
  let current: Active | undefined;
  let lastEnded: CodeCheck = 'none';
  return {
    issue() {
      let code = '';
      for (let i = 0; i < codeDigits; i += 1) code += String(randomInt(10));
      current = { code, expiresAt: now() + codeLifetimeMs, wrong: 0 };
      return { code, expiresAt: new Date(current.expiresAt).toISOString() };
    },
    redeem(typed) {
      if (!current) return lastEnded;
      if (now() > current.expiresAt) {
        current = undefined;
        lastEnded = 'expired';
        return 'expired';
      }
      const given = Buffer.from(typed.replace(/\s+/g, ''));
      const expected = Buffer.from(current.code);
      if (given.length === expected.length && timingSafeEqual(given, expected)) {
        current = undefined;
        lastEnded = 'none';
        return 'ok';
      }
      current.wrong += 1;
      if (current.wrong >= maxWrongTries) {
        current = undefined;
        lastEnded = 'used-up';
      }
      return 'wrong';
    },
    active: () => current !== undefined && now() <= current.expiresAt,
  };
}
