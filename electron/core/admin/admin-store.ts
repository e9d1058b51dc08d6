import type { DocumentStore, Platform } from '../platform.js';

/** What the admin feature keeps on disk, so that a restart resets neither the lockout nor "out of service". */
export type AdminDocument = {
  [key: string]: unknown;
  /** Set on first use when the device config has no `admin.pinHash`. */
  pinHash?: string;
  /** Wrong PINs in a row since the last right one. */
  failures: number;
  /** Epoch ms before which no PIN is even checked. */
  lockedUntil: number;
  outOfService: boolean;
  /** Epoch ms of the first start with this data folder: choosing the PIN on a kiosk's screen ends an hour later (first-use.ts). */
  firstStartedAt?: number;
  /** Epoch ms when this machine first had a PIN: from then on it is never chosen on the screen again. */
  setUpAt?: number;
};

export const adminStoreName = 'admin';

/** Opens the admin document (conf or electron-store, through the platform). */
export function openAdminStore(platform: Pick<Platform, 'openStore'>): DocumentStore<AdminDocument> {
  return platform.openStore<AdminDocument>(adminStoreName, { failures: 0, lockedUntil: 0, outOfService: false });
}
