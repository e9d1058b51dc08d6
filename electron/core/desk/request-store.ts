/**
 * The desk's requests: one durable file per request (the kiosk outbox's
 * files: written to a temp file, fsynced, renamed), so storing a request
 * costs what that request weighs, not the whole desk's history. The
 * anonymous archive of purged requests stays in the platform's small
 * document store (electron-store in Electron, conf elsewhere).
 *
 * The first name is sealed with the platform cipher (padded and bound to the
 * request id) before it reaches a file. Where this machine cannot encrypt,
 * the name lives in memory only and never touches the disk.
 *
 * Every change resolves only once it is on disk, and memory changes only
 * then: a write that fails leaves the desk as if the message never came, so
 * the receiver can answer 5xx and the kiosk tries again.
 */
import path from 'node:path';
import { nodeFiles, type DurableFiles } from '../delivery/durable-files.js';
import { openOutboxStore, type OutboxStore } from '../delivery/outbox-store.js';
import type { Logger } from '../logger.js';
import type { Platform } from '../platform.js';
import { resealOldNames } from '../reseal-old-names.js';
import { openName, sealName } from '../sealed-name.js';
import { parseRequestSummary, parseStoredRequest } from './stored-request-schema.js';
import { countsInReports, summarize, type RequestSummary, type StoredRequest } from './stored-request.js';

const deskStoreName = 'desk-requests';
/** The folder of request files, inside the data folder. */
const requestsFolder = 'desk-requests';
/** Records that could not be read, kept for an administrator (never deleted). */
const setAsideFolder = 'set-aside';

/**
 * The small document: the archive, and (version 1 only) every request, as desks before per-request files kept them.
 * `purging`: the ids of a purge whose summaries are in the archive but whose files may not all be gone yet.
 */
type DeskDocument = { version: 1 | 2; requests?: Record<string, unknown>; archive?: unknown[]; purging?: unknown };

export type RequestStore = {
  get(id: string): StoredRequest | undefined;
  all(): IterableIterator<StoredRequest>;
  /** Anonymous summaries of requests retention has already purged. */
  archive(): readonly RequestSummary[];
  /** Resolves once the request is on disk; rejects (and keeps nothing) when it could not be written. */
  add(record: StoredRequest, firstName: string | undefined): Promise<void>;
  /** Changes one request on disk, then in memory; changes to one request run one after another. */
  update(id: string, change: (record: StoredRequest) => StoredRequest): Promise<StoredRequest>;
  /** Unseals the first name (a decryption: call it once per request, not per redraw). */
  firstNameOf(id: string): string | undefined;
  /** Purges every request received before `cutoffMs`, keeping its anonymous summary. Resolves with the ids that went. */
  purgeReceivedBefore(cutoffMs: number): Promise<string[]>;
};

export type RequestStoreOptions = {
  platform: Pick<Platform, 'openStore' | 'cipher'>;
  logger: Logger;
  dataDir: string;
  /** The file layer; tests pass one that fails like a full or read-only disk. */
  files?: DurableFiles;
};

/** Keeps a copy of what could not be loaded, for an administrator, and says so in the log without any of its content. */
async function setAside(files: DurableFiles, dir: string, entries: { name: string; text: string }[], logger: Logger) {
  if (entries.length === 0) return;
  const target = path.join(dir, setAsideFolder);
  await files.mkdir(target);
  for (const entry of entries) await files.writeSynced(path.join(target, entry.name), entry.text);
  await files.syncDir(target);
  logger.error('stored desk records could not be read; set aside for an administrator', { count: entries.length, path: target });
}

/** Moves a desk document of version 1 (every request in one file) to one file per request, then empties it of requests. */
async function migrateDocument(
  document: DeskDocument,
  outbox: OutboxStore<StoredRequest>,
  files: DurableFiles,
  logger: Logger,
): Promise<{ archive: RequestSummary[]; migrated: number; rejected: number }> {
  const rejected: { name: string; text: string }[] = [];
  let migrated = 0;
  // Object.entries reads own properties only: a key such as "__proto__" or "constructor" is just a bad record here.
  for (const [key, raw] of Object.entries(document.requests ?? {})) {
    const record = parseStoredRequest(raw);
    if (record && record.id === key) {
      await outbox.save(record);
      migrated += 1;
    } else rejected.push({ name: `legacy-request-${rejected.length + 1}.json`, text: JSON.stringify({ key, record: raw }) });
  }
  const archive: RequestSummary[] = [];
  for (const raw of document.archive ?? []) {
    const summary = parseRequestSummary(raw);
    if (summary) archive.push(summary);
    else rejected.push({ name: `legacy-summary-${rejected.length + 1}.json`, text: JSON.stringify(raw) });
  }
  await setAside(files, outbox.dir, rejected, logger);
  return { archive, migrated, rejected: rejected.length };
}

/** Opens (creating, or migrating from the single document) the desk's store and loads it into memory. */
export async function openRequestStore(options: RequestStoreOptions): Promise<RequestStore> {
  const { platform, logger } = options;
  const files = options.files ?? nodeFiles;
  const dir = path.join(options.dataDir, requestsFolder);
  const outbox = await openOutboxStore(dir, parseStoredRequest, files);
  const document = platform.openStore<DeskDocument>(deskStoreName, { version: 2, archive: [] });
  const loaded = document.read();
  const purging = Array.isArray(loaded.purging) ? loaded.purging.filter((id): id is string => typeof id === 'string') : [];
  const { archive, migrated, rejected } = await migrateDocument(loaded, outbox, files, logger);
  if (loaded.version !== 2 || loaded.requests !== undefined || rejected > 0) {
    // Written only after every request is in its own file: a crash before this migrates again, harmlessly.
    document.write({ version: 2, archive, ...(purging.length > 0 ? { purging } : {}) });
    if (migrated > 0) logger.info('moved the desk requests to one file each', { count: migrated });
  }

  const { records: readRecords, unreadable } = await outbox.loadAll();
  // Names sealed before they were bound to their record, re-sealed once (atomic per record); after that v1 never opens.
  const loadedRecords = await resealOldNames(
    {
      store: 'desk',
      records: readRecords,
      sealedOf: (r) => r.sealedName,
      withSealed: (r, sealedName) => ({ ...r, sealedName }),
      save: outbox.save,
    },
    { ...platform, logger },
  );
  const unreadableEntries = await Promise.all(
    unreadable.map(async (name) => ({ name, text: await files.read(path.join(dir, name)).catch(() => '') })),
  );
  await setAside(files, dir, unreadableEntries, logger);
  for (const name of unreadable) await files.remove(path.join(dir, name));

  const records = new Map<string, StoredRequest>();
  for (const record of loadedRecords) records.set(record.id, record);
  if (purging.length > 0) {
    // A purge stopped (a crash, a failed disk) after its summaries were kept: finish it without counting them again.
    for (const id of purging) {
      if (records.delete(id)) await outbox.remove(id);
    }
    document.write({ version: 2, archive });
  }
  const memoryNames = new Map<string, string>();
  const chains = new Map<string, Promise<unknown>>();

  /** Runs changes to one request one after another, so each starts from the last one's result. */
  const serially = <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const next = (chains.get(id) ?? Promise.resolve()).catch(() => undefined).then(work);
    chains.set(id, next);
    const forget = () => {
      if (chains.get(id) === next) chains.delete(id);
    };
    next.then(forget, forget);
    return next;
  };

  return {
    get: (id) => records.get(id),
    all: () => records.values(),
    archive: () => archive,
    add(record, firstName) {
      return serially(record.id, async () => {
        const stored = { ...record };
        if (firstName && platform.cipher) stored.sealedName = sealName(platform.cipher, firstName, record.id);
        await outbox.save(stored);
        records.set(record.id, stored);
        if (firstName && !platform.cipher) memoryNames.set(record.id, firstName);
      });
    },
    update(id, change) {
      return serially(id, async () => {
        const current = records.get(id);
        if (!current) throw new Error('that request is not stored on this desk');
        const next = change(current);
        await outbox.save(next);
        records.set(id, next);
        return next;
      });
    },
    firstNameOf(id) {
      const record = records.get(id);
      if (!record) return undefined;
      if (!record.sealedName || !platform.cipher) return memoryNames.get(id);
      try {
        return openName(platform.cipher, record.sealedName, id);
      } catch (error) {
        // A different key (a restored backup, a new OS profile) or a name moved from another record: show no name.
        logger.warn('a sealed first name could not be opened', { requestId: id, error: error as Error });
        return undefined;
      }
    },
    async purgeReceivedBefore(cutoffMs) {
      const expired = [...records.values()].filter((record) => Date.parse(record.receivedAt) < cutoffMs);
      if (expired.length === 0) return [];
      const summaries = expired.filter(countsInReports).map(summarize);
      const ids = expired.map((record) => record.id);
      // The summaries first, with the ids they stand for: a purge stopped before its files went is finished at the
      // next start without counting those requests again (and never loses one).
      document.write({ version: 2, archive: [...archive, ...summaries], purging: ids });
      archive.push(...summaries);
      for (const id of ids) {
        records.delete(id);
        memoryNames.delete(id);
      }
      for (const id of ids) await serially(id, () => outbox.remove(id));
      document.write({ version: 2, archive });
      return ids;
    },
  };
}
