/**
 * Re-seals, once per store, first names sealed before they were bound to
 * their record (`v1:`, no associated data) as `v2:` names bound to the record
 * they are in. After that run the cipher refuses to open a `v1:` name for a
 * record (data-key-cipher.ts), so a name planted later in another record's
 * file stays closed: re-sealing it then would bind it to the wrong record.
 *
 * Each record is written whole by the store's own atomic save (temp file,
 * fsync, rename), so a crash leaves every record either re-sealed or as it
 * was; the run is marked done only after every record is written, and a
 * run that stopped is simply run again at the next start.
 */
import type { Logger } from './logger.js';
import type { Cipher, OpenStore } from './platform.js';
import { sealName, unpadName } from './sealed-name.js';

/** The prefix of a name sealed without its record's id. */
const unboundPrefix = 'v1:';
const markerStoreName = 'sealed-names';

/** Which stores have had their old names re-sealed (an ISO time each), in the data folder. */
type ResealMarker = { resealed: Partial<Record<ResealedStore, string>> };
export type ResealedStore = 'desk' | 'kiosk';

export type OldNameRecords<R extends { id: string }> = {
  /** Whose records these are, for the marker and the log. */
  store: ResealedStore;
  records: readonly R[];
  /** False when the store could not read its records (then the run is not marked done). Default true. */
  complete?: boolean;
  /** The record's sealed name, if it has one. */
  sealedOf(record: R): string | undefined;
  /** The record with its sealed name replaced. */
  withSealed(record: R, sealed: string): R;
  /** The store's own atomic write of one whole record. */
  save(record: R): Promise<void>;
};

/**
 * Re-seals every `v1:` name in `target.records` once, and resolves with the
 * records as they now are (re-sealed ones replaced). Without a cipher there is
 * nothing sealed to open; once the store is marked done, it does nothing.
 */
export async function resealOldNames<R extends { id: string }>(
  target: OldNameRecords<R>,
  deps: { cipher: Cipher | undefined; openStore: OpenStore; logger: Logger; now?: () => number },
): Promise<R[]> {
  const { cipher, logger } = deps;
  const records = [...target.records];
  if (!cipher) return records;
  const marker = deps.openStore<ResealMarker>(markerStoreName, { resealed: {} });
  if (marker.read().resealed[target.store]) return records;

  let resealed = 0;
  let unsaved = 0;
  for (const [index, record] of records.entries()) {
    const sealed = target.sealedOf(record);
    if (!sealed?.startsWith(unboundPrefix)) continue;
    let name: string;
    try {
      // The only place a v1 name is opened: without associated data, as it was sealed.
      name = unpadName(cipher.decrypt(sealed));
    } catch {
      // Another key (a restored backup, a new OS profile): it opens nowhere, so it is left as it is.
      logger.warn('an old sealed first name could not be opened to re-seal it; left as it is', {
        where: target.store,
        requestId: record.id,
        reason: 'decrypt-failed',
      });
      continue;
    }
    const next = target.withSealed(record, sealName(cipher, name, record.id));
    try {
      await target.save(next);
    } catch (error) {
      unsaved += 1;
      logger.error('an old sealed first name could not be re-sealed; tried again at the next start', {
        where: target.store,
        requestId: record.id,
        code: (error as NodeJS.ErrnoException).code ?? (error as Error).name,
      });
      continue;
    }
    records[index] = next;
    resealed += 1;
  }
  // Done only when every record was read and written: otherwise the next start runs again (re-sealed ones are skipped).
  if (unsaved > 0 || target.complete === false) return records;
  const doc = marker.read();
  marker.write({ ...doc, resealed: { ...doc.resealed, [target.store]: new Date(deps.now?.() ?? Date.now()).toISOString() } });
  // The log's fields are a fixed list (logger.ts): the store goes in `where`, how many were re-sealed in `count`.
  if (resealed > 0) logger.info('old sealed first names re-sealed to their records', { where: target.store, count: resealed });
  return records;
}
