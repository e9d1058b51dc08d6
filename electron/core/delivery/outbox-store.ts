/**
 * The durable outbox: one JSON file per request in its own folder. Each write
 * goes to a temp file, is fsynced, renamed over the old one and the folder is
 * fsynced, so after a crash or power loss a request's file is either the old
 * version or the new one, never half of each.
 */
import path from 'node:path';
import { randomToken } from './message-id.js';
import { nodeFiles, type DurableFiles } from './durable-files.js';

const tempSuffix = '.tmp';
const recordSuffix = '.json';
const safeId = /^[A-Za-z0-9_-]{1,64}$/;

export type OutboxStore<T extends { id: string }> = {
  readonly dir: string;
  /** Resolves once the record is durably on disk; rejects (ENOSPC, EACCES, ENOTDIR…) otherwise. */
  save(record: T): Promise<void>;
  remove(id: string): Promise<void>;
  /** Every readable record, plus the names of files that were not. Leftover temp files are removed. */
  loadAll(): Promise<{ records: T[]; unreadable: string[] }>;
};

/**
 * Opens (creating if needed) an outbox folder. `parse` validates a stored
 * record and returns undefined for one it cannot use.
 */
export async function openOutboxStore<T extends { id: string }>(
  dir: string,
  parse: (json: unknown) => T | undefined,
  files: DurableFiles = nodeFiles,
): Promise<OutboxStore<T>> {
  await files.mkdir(dir);
  // Writes of one record are chained so an older version can never rename over a newer one.
  const chains = new Map<string, Promise<void>>();
  const fileOf = (id: string) => {
    if (!safeId.test(id)) throw new Error('outbox record id has unsafe characters');
    return path.join(dir, `${id}${recordSuffix}`);
  };

  const writeNow = async (record: T) => {
    const target = fileOf(record.id);
    const temp = path.join(dir, `${record.id}.${randomToken(8)}${tempSuffix}`);
    try {
      await files.writeSynced(temp, JSON.stringify(record));
      await files.rename(temp, target);
    } catch (error) {
      await files.remove(temp).catch(() => undefined);
      throw error;
    }
    await files.syncDir(dir);
  };

  const enqueue = (id: string, work: () => Promise<void>) => {
    const previous = chains.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    chains.set(id, next);
    const forget = () => {
      if (chains.get(id) === next) chains.delete(id);
    };
    next.then(forget, forget);
    return next;
  };

  return {
    dir,
    save: (record) => enqueue(record.id, () => writeNow(record)),
    remove: (id) =>
      enqueue(id, async () => {
        await files.remove(fileOf(id));
        await files.syncDir(dir);
      }),
    loadAll: async () => {
      const records: T[] = [];
      const unreadable: string[] = [];
      for (const name of (await files.list(dir)).sort()) {
        if (name.endsWith(tempSuffix)) {
          await files.remove(path.join(dir, name));
          continue;
        }
        if (!name.endsWith(recordSuffix)) continue;
        let record: T | undefined;
        try {
          record = parse(JSON.parse(await files.read(path.join(dir, name))) as unknown);
        } catch {
          record = undefined;
        }
        if (record) records.push(record);
        else unreadable.push(name);
      }
      return { records, unreadable };
    },
  };
}
