/**
 * The outbox store's chain of writes per record
 * (electron/core/delivery/outbox-store.ts), on files in memory whose writes
 * finish when the test says: a save made while older ones are still on
 * their way always lands last, also once the first of them has finished.
 */
import { describe, expect, it } from 'vitest';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';
import { heldFiles, type Item } from './support/held-files.js';

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
