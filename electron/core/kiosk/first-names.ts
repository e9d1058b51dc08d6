/**
 * The only personal field. With a cipher it is sealed into the record (padded,
 * and bound to the record's id: see ../sealed-name.ts); with
 * none (no safe key on this machine) it stays in memory and is never written,
 * so a restart loses it and the desk gets the request without a name.
 */
import type { Logger } from '../logger.js';
import type { Cipher } from '../platform.js';
import { openName, sealName } from '../sealed-name.js';
import type { RequestRecord } from './request-record.js';

export type FirstNames = {
  /** Returns what the record may hold (the sealed name), keeping it in memory instead when there is no cipher. */
  keep(requestId: string, firstName: string | undefined): string | undefined;
  /** The name for channels allowed to carry it; undefined when not given, purged, or unreadable. */
  reveal(record: RequestRecord): string | undefined;
  forget(requestId: string): void;
};

export function createFirstNames(cipher: Cipher | undefined, logger: Logger): FirstNames {
  const inMemory = new Map<string, string>();
  return {
    keep(requestId, firstName) {
      if (!firstName) return undefined;
      if (cipher) return sealName(cipher, firstName, requestId);
      inMemory.set(requestId, firstName);
      return undefined;
    },
    reveal(record) {
      if (!record.sealedFirstName) return inMemory.get(record.id);
      if (!cipher) return undefined;
      try {
        return openName(cipher, record.sealedFirstName, record.id);
      } catch {
        // The key changed (a reinstall, a new data key): deliver without the name rather than not at all.
        logger.warn('first name could not be decrypted; delivering without it', { requestId: record.id, reason: 'decrypt-failed' });
        return undefined;
      }
    },
    forget(requestId) {
      inMemory.delete(requestId);
    },
  };
}
