/**
 * The outbox store's chain of writes per record
 * (electron/core/delivery/outbox-store.ts), on files in memory whose writes
 * finish when the test says: a save made while older ones are still on
 * their way always lands last, also once the first of them has finished.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';

type Item = { id: string; n: number };

/** Writes of the versions in `slow` wait for `release(n)`; the others finish at once. */
function heldFiles(slow: number[]) {
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

describe("the outbox store's writes of one record", () => {
  it('land in the order they were made, even for a save made after the first of them finished', async () => {
    const { files, disk, release } = heldFiles([1, 2]);
    const store = await openOutboxStore<Item>('/outbox', (json) => json as Item, files);
    const first = store.save({ id: 'req_a', n: 1 });
    const second = store.save({ id: 'req_a', n: 2 });
    const third = store.save({ id: 'req_a', n: 3 });
    release(1);
    await first;
    const fourth = store.save({ id: 'req_a', n: 4 });
    release(2);
    await Promise.all([second, third, fourth]);
    expect(disk.get('/outbox/req_a.json')).toBe(JSON.stringify({ id: 'req_a', n: 4 }));
  });
});
