/**
 * Opens this kiosk's outbox and reads back what a previous run left. A
 * folder that cannot be opened (disk gone, path taken by a file) does not
 * stop the service: it starts, logs the problem, and every submit rejects
 * so the screen shows the fallback instead of claiming a capture.
 */
import type { DurableFiles } from '../delivery/durable-files.js';
import { openOutboxStore, type OutboxStore } from '../delivery/outbox-store.js';
import type { Logger } from '../logger.js';
import { parseRecord, type RequestRecord } from './request-record.js';

/** `readable`: false when the folder could not be opened or read (then `loaded` is empty, not the outbox). */
export type KioskOutbox = OutboxStore<RequestRecord> & { loaded: RequestRecord[]; readable: boolean };

function unusableStore(dir: string, error: Error): KioskOutbox {
  const fail = () => Promise.reject(error);
  return { dir, save: fail, remove: fail, loadAll: fail, loaded: [], readable: false };
}

export async function openKioskOutbox(dir: string, files: DurableFiles | undefined, logger: Logger): Promise<KioskOutbox> {
  try {
    const store = await openOutboxStore(dir, parseRecord, files);
    const { records, unreadable } = await store.loadAll();
    // Kept on disk for an administrator: a record this version cannot read is never deleted silently.
    if (unreadable.length > 0)
      logger.error('outbox files could not be read and were left in place', { count: unreadable.length, path: dir });
    return { ...store, loaded: records, readable: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    logger.error('the outbox cannot be opened; requests will be refused until it can', { code, path: dir });
    return unusableStore(dir, error as Error);
  }
}
