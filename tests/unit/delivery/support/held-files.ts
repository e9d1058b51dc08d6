/**
 * Files in memory for the outbox store's tests, whose writes finish when the
 * test says: a slow disk, without waiting for one.
 */
import path from 'node:path';
import type { DurableFiles } from '../../../../electron/core/delivery/durable-files.js';

/** What the outbox tests store: a record id and a version number. */
export type Item = { id: string; n: number };

/** Writes of the versions in `slow` wait for `release(n)`; the others finish at once. */
export function heldFiles(slow: number[]) {
  const disk = new Map<string, string>();
  const gates = new Map<number, () => void>();
  const opened = new Map(slow.map((n) => [n, new Promise<void>((resolve) => gates.set(n, resolve))]));
  const files: DurableFiles = {
    mkdir: async () => undefined,
    writeSynced: async (file, data) => {
      await opened.get((JSON.parse(data) as Item).n);
      disk.set(file, data);
    },
    rename: async (from, to) => {
      disk.set(to, disk.get(from) ?? '');
      disk.delete(from);
    },
    syncDir: async () => undefined,
    list: async () => [...disk.keys()].map((file) => path.basename(file)),
    read: async (file) => disk.get(file) ?? '',
    remove: async (file) => {
      disk.delete(file);
    },
  };
  return { files, disk, release: (n: number) => gates.get(n)?.() };
}
