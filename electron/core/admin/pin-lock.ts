/**
 * Checks the admin PIN with attempt limits and a growing lockout. The count
 * of wrong tries and the lockout live in the admin store, so turning the
 * machine off and on again does not give a guesser fresh tries.
 *
 * Policy: 5 tries; then each wrong PIN locks the screen for 30 s, 60 s,
 * 2 min, ... up to 1 hour. A right PIN clears the count.
 */
import { CallRefused } from '../../../shared/call-result.js';
import type { DocumentStore } from '../platform.js';
import type { AdminDocument } from './admin-store.js';
import { defaultScryptCost, hashPin, verifyPin, type ScryptCost } from './pin-hash.js';

export const freeTries = 5;
export const firstLockoutMs = 30_000;
export const maxLockoutMs = 60 * 60_000;

/** How long the screen locks after the `failures`-th wrong PIN in a row (0 while tries are left). */
export function lockoutAfter(failures: number): number {
  if (failures < freeTries) return 0;
  return Math.min(maxLockoutMs, firstLockoutMs * 2 ** (failures - freeTries));
}

export type PinLock = {
  /** True when a PIN exists, in the device config or set on first use. */
  isSet(): boolean;
  /** Milliseconds until a try is allowed (0 when allowed now). */
  lockedFor(): number;
  /** Resolves when the PIN is right; rejects with a plain CallRefused otherwise. */
  check(pin: string): Promise<void>;
  /** Sets the first PIN; refused once any PIN exists. */
  create(pin: string): Promise<void>;
};

function minutesText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * @param configuredHash `admin.pinHash` from the device config; when present it wins over a stored one.
 */
export function createPinLock(options: {
  store: DocumentStore<AdminDocument>;
  configuredHash: () => string | undefined;
  now: () => number;
  cost?: ScryptCost;
}): PinLock {
  const { store, now } = options;
  const hash = () => options.configuredHash() ?? store.read().pinHash;
  const lockedFor = () => Math.max(0, store.read().lockedUntil - now());

  const checkOne = async (pin: string) => {
    const wait = lockedFor();
    if (wait > 0) throw new CallRefused(`Too many wrong PINs. Try again in ${minutesText(wait)}.`);
    const stored = hash();
    if (!stored) throw new CallRefused('No PIN is set yet.');
    const right = await verifyPin(pin, stored);
    const doc = store.read();
    if (right) {
      store.write({ ...doc, failures: 0, lockedUntil: 0 });
      return;
    }
    const failures = doc.failures + 1;
    const lockMs = lockoutAfter(failures);
    store.write({ ...doc, failures, lockedUntil: lockMs > 0 ? now() + lockMs : 0 });
    if (lockMs > 0) throw new CallRefused(`Wrong PIN. Try again in ${minutesText(lockMs)}.`);
    const left = freeTries - failures;
    throw new CallRefused(`Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left.`);
  };

  // One check at a time: many tries sent at once must not all be checked before the first failure is counted.
  let queue: Promise<unknown> = Promise.resolve();

  return {
    isSet: () => hash() !== undefined,
    lockedFor,
    check(pin) {
      const turn = queue.then(() => checkOne(pin));
      queue = turn.catch(() => undefined);
      return turn;
    },
    async create(pin) {
      if (hash() !== undefined) throw new CallRefused('A PIN is already set.');
      const pinHash = await hashPin(pin, options.cost ?? defaultScryptCost);
      // Checked again after the slow hash: two first-use calls must not both win.
      if (hash() !== undefined) throw new CallRefused('A PIN is already set.');
      store.write({ ...store.read(), pinHash, failures: 0, lockedUntil: 0 });
    },
  };
}
