/**
 * The kiosk's requests in memory, mirrored to the durable outbox. A new
 * request is added only after it is on disk; later changes are true the
 * moment they happen, so the screen hears of them at once while the disk
 * catches up (a failed write is logged, and the next change writes again).
 */
import type { EventName, EventPayload } from '../../../shared/contract.js';
import type { OutboxStore } from '../delivery/outbox-store.js';
import type { Logger } from '../logger.js';
import type { RequestRecord } from './request-record.js';
import { kioskRequestViewOf } from './view.js';

/** What the screen shows of a record, to tell a visible change from bookkeeping. */
function screenState(record: RequestRecord): string {
  return JSON.stringify({ ...kioskRequestViewOf(record), updatedAt: '' });
}

export type RequestBook = {
  get(id: string): RequestRecord | undefined;
  /** Oldest capture first. */
  all(): RequestRecord[];
  /** Saves durably, then remembers. Rejects (and remembers nothing) when the save fails. */
  add(record: RequestRecord): Promise<void>;
  /** Loads a record read back from disk at start. */
  restore(record: RequestRecord): void;
  /** Applies a change; `mutate` returns false when there was nothing to change. Emits the new view. */
  change(id: string, mutate: (record: RequestRecord) => boolean | void): RequestRecord | undefined;
  remove(id: string): Promise<void>;
  /** References in use by requests not yet closed. */
  openReferences(): Set<string>;
  nextSeq(): number;
  /** Resolves when every write started so far has finished. */
  flush(): Promise<void>;
};

export function createRequestBook(options: {
  store: OutboxStore<RequestRecord>;
  now: () => number;
  logger: Logger;
  emit: <N extends EventName>(name: N, payload: EventPayload<N>) => void;
}): RequestBook {
  const { store, logger } = options;
  const records = new Map<string, RequestRecord>();
  const writes = new Set<Promise<void>>();
  let seq = 0;

  const track = (work: Promise<void>) => {
    const settled = work.catch((error: NodeJS.ErrnoException) => {
      logger.error('outbox write failed; the change is kept in memory and written with the next one', { code: error.code ?? error.name });
    });
    writes.add(settled);
    void settled.then(() => writes.delete(settled));
  };

  return {
    get: (id) => records.get(id),
    all: () => [...records.values()].sort((a, b) => a.seq - b.seq),
    add: async (record) => {
      await store.save(record);
      records.set(record.id, record);
      seq = Math.max(seq, record.seq + 1);
    },
    restore: (record) => {
      records.set(record.id, record);
      seq = Math.max(seq, record.seq + 1);
    },
    change(id, mutate) {
      const record = records.get(id);
      if (!record) return undefined;
      const before = screenState(record);
      if (mutate(record) === false) return record;
      record.updatedAt = new Date(options.now()).toISOString();
      track(store.save(structuredClone(record)));
      // Bookkeeping (an update relayed, a retry recorded) is saved but not announced: the screen hears only what it shows.
      if (screenState(record) !== before) options.emit('request.changed', kioskRequestViewOf(record));
      return record;
    },
    remove: async (id) => {
      records.delete(id);
      await store.remove(id);
    },
    openReferences: () => new Set([...records.values()].filter((r) => r.phase !== 'closed').map((r) => r.reference)),
    nextSeq: () => seq++,
    flush: async () => {
      await Promise.all([...writes]);
    },
  };
}
