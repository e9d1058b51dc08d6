/**
 * When the admin PIN may be chosen on the machine itself ("first use").
 *
 * A kiosk stands in a public lobby, where anyone can hold the agency's name
 * for 5 seconds. Whoever chose the PIN there could pair the kiosk with a desk
 * of their own, take it out of service or lock the department out. So, on a
 * kiosk (and on a machine whose role is not known, its config being broken):
 *
 * - the public screen is the "not set up yet" screen until a PIN exists
 *   (switched-off.ts), so a kiosk without a PIN never serves the public;
 * - the PIN may be chosen on the screen only in the first hour after the
 *   first start with this data folder (a restart does not open it again);
 * - once this machine has had a PIN (chosen here or in the device config), it
 *   is never offered again, even if the PIN later goes from the config.
 *
 * After that, the PIN comes only from `admin.pinHash` in the device config
 * (`npm run pin-hash`), which needs the machine's files, not its screen. The
 * desk stands behind the counter, where only staff reach it: it may choose
 * its PIN on first use whenever it has none (docs/security.md).
 */
import type { AdminSessionState } from '../../../shared/admin.js';
import type { DocumentStore } from '../platform.js';
import type { AdminDocument } from './admin-store.js';

/** How long after the first start a kiosk offers to choose its PIN on the screen. */
export const firstUseWindowMs = 60 * 60_000;

/** Why a machine with no PIN does not offer to choose one on the screen. */
export type FirstUseClosed = Exclude<NonNullable<AdminSessionState['firstUse']>, 'open'>;

export type FirstUse = {
  /** For a machine with no PIN: undefined while the PIN may be chosen on this screen now; otherwise why not. */
  closed(): FirstUseClosed | undefined;
  /** Records that this machine has a PIN (idempotent): from now on first use is over for good. */
  noteSetUp(): void;
};

export function createFirstUse(options: {
  store: DocumentStore<AdminDocument>;
  now: () => number;
  /** True for the desk role, which stands behind the counter. */
  behindCounter: () => boolean;
}): FirstUse {
  const { store, now } = options;
  // The window runs from the first start with this data folder, never from the latest one.
  if (store.read().firstStartedAt === undefined) store.write({ ...store.read(), firstStartedAt: now() });

  const noteSetUp = () => {
    if (store.read().setUpAt === undefined) store.write({ ...store.read(), setUpAt: now() });
  };

  return {
    closed() {
      if (options.behindCounter()) return undefined;
      const doc = store.read();
      if (doc.setUpAt !== undefined) return 'set-up-before';
      if (now() - (doc.firstStartedAt ?? now()) >= firstUseWindowMs) return 'time-passed';
      return undefined;
    },
    noteSetUp,
  };
}
