/**
 * The desk's requests, kept in one document through the platform's store
 * (electron-store in Electron, conf in the browser host and tests).
 *
 * The first name is sealed with the platform cipher before it reaches the
 * document. Where this machine cannot encrypt, the name lives in memory only:
 * the console shows it until the app restarts, and it never touches the disk.
 */
import type { Cipher, Platform } from '../platform.js';
import type { Logger } from '../logger.js';
import { countsInReports, emptyDeskDocument, summarize, type DeskDocument, type StoredRequest } from './stored-request.js';

export const deskStoreName = 'desk-requests';

export type RequestStore = {
  get(id: string): StoredRequest | undefined;
  all(): StoredRequest[];
  /** Anonymous summaries of requests retention has already purged. */
  archive(): DeskDocument['archive'];
  add(record: StoredRequest, firstName: string | undefined): void;
  update(id: string, change: (record: StoredRequest) => StoredRequest): StoredRequest;
  firstNameOf(id: string): string | undefined;
  /** Purges every request received before `cutoffMs`, keeping its anonymous summary. Returns how many went. */
  purgeReceivedBefore(cutoffMs: number): number;
};

/** Opens (or creates) the desk's store and loads it into memory. */
export function openRequestStore(platform: Pick<Platform, 'openStore' | 'cipher'>, logger: Logger): RequestStore {
  const store = platform.openStore<DeskDocument>(deskStoreName, emptyDeskDocument());
  const loaded = store.read();
  const document: DeskDocument = {
    ...emptyDeskDocument(),
    ...loaded,
    requests: { ...loaded.requests },
    archive: [...(loaded.archive ?? [])],
  };
  const memoryNames = new Map<string, string>();
  const save = () => store.write(document);

  const unseal = (cipher: Cipher, sealed: string, id: string): string | undefined => {
    try {
      return cipher.decrypt(sealed);
    } catch (error) {
      // A different key (a restored backup, a new OS profile): show the request without the name.
      logger.warn('a sealed first name could not be opened', { requestId: id, error: error as Error });
      return undefined;
    }
  };

  return {
    get: (id) => document.requests[id],
    all: () => Object.values(document.requests),
    archive: () => document.archive,
    add(record, firstName) {
      const stored = { ...record };
      if (firstName && platform.cipher) stored.sealedName = platform.cipher.encrypt(firstName);
      else if (firstName) memoryNames.set(record.id, firstName);
      document.requests[record.id] = stored;
      save();
    },
    update(id, change) {
      const current = document.requests[id];
      if (!current) throw new Error(`request ${id} is not stored on this desk`);
      const next = change(current);
      document.requests[id] = next;
      save();
      return next;
    },
    firstNameOf(id) {
      const record = document.requests[id];
      if (!record) return undefined;
      if (record.sealedName && platform.cipher) return unseal(platform.cipher, record.sealedName, id);
      return memoryNames.get(id);
    },
    purgeReceivedBefore(cutoffMs) {
      const expired = Object.values(document.requests).filter((record) => Date.parse(record.receivedAt) < cutoffMs);
      if (expired.length === 0) return 0;
      for (const record of expired) {
        if (countsInReports(record)) document.archive.push(summarize(record));
        delete document.requests[record.id];
        memoryNames.delete(record.id);
      }
      save();
      return expired.length;
    },
  };
}
