/**
 * Two promises of the outbox store that a race or a sloppy pattern would
 * break silently: a record id can never name a file outside the outbox, and
 * of two overlapping saves of one record the newer always ends on disk, even
 * when the older one's write is the slower.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';
import { heldFiles, type Item } from './support/held-files.js';

const parse = (json: unknown) => json as Item;

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempRoot() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-outbox-safety-'));
  dirs.push(dir);
  return dir;
}

describe('the outbox store keeps to its folder', () => {
  it.each(['req_a/../../x', 'req_a/x', '../req_a', 'req_a\nx', 'req_a.json', ''])('refuses to save or remove the id %j', async (id) => {
    const root = await tempRoot();
    const store = await openOutboxStore<Item>(path.join(root, 'outbox'), parse);
    await expect(store.save({ id, n: 1 })).rejects.toThrow(/unsafe/);
    await expect(store.remove(id)).rejects.toThrow(/unsafe/);
    expect(await readdir(root)).toEqual(['outbox']);
    expect(await readdir(path.join(root, 'outbox'))).toEqual([]);
  });

  it('accepts the ids the kiosk makes, up to 64 characters', async () => {
    const root = await tempRoot();
    const store = await openOutboxStore<Item>(path.join(root, 'outbox'), parse, nodeFiles);
    const longest = `req_${'a'.repeat(60)}`;
    await store.save({ id: 'req_Ab3-x_9', n: 1 });
    await store.save({ id: longest, n: 2 });
    await expect(store.save({ id: `${longest}b`, n: 3 })).rejects.toThrow(/unsafe/);
    expect((await readdir(path.join(root, 'outbox'))).sort()).toEqual(['req_Ab3-x_9.json', `${longest}.json`]);
  });
});

describe('overlapping saves of one record', () => {
  it('never let an older write land after a newer one, even when the older write is slower', async () => {
    const { files, disk, release } = heldFiles([1]);
    const store = await openOutboxStore<Item>('/outbox', parse, files);
    const older = store.save({ id: 'req_a', n: 1 });
    const newer = store.save({ id: 'req_a', n: 2 });
    // Let every write that is free to run finish before the older one's slow write completes.
    await new Promise((resolve) => setImmediate(resolve));
    release(1);
    await Promise.all([older, newer]);
    expect(disk.get('/outbox/req_a.json')).toBe(JSON.stringify({ id: 'req_a', n: 2 }));
    expect((await store.loadAll()).records).toEqual([{ id: 'req_a', n: 2 }]);
  });

  it('a failed older save does not stop the newer one', async () => {
    const root = await tempRoot();
    let failNext = true;
    const files: DurableFiles = {
      ...nodeFiles,
      writeSynced: async (file, data) => {
        if (failNext) {
          failNext = false;
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }
        await nodeFiles.writeSynced(file, data);
      },
    };
    const store = await openOutboxStore<Item>(path.join(root, 'outbox'), parse, files);
    const older = store.save({ id: 'req_a', n: 1 });
    const newer = store.save({ id: 'req_a', n: 2 });
    await expect(older).rejects.toMatchObject({ code: 'ENOSPC' });
    await newer;
    expect((await store.loadAll()).records).toEqual([{ id: 'req_a', n: 2 }]);
    expect(await readdir(path.join(root, 'outbox'))).toEqual(['req_a.json']);
  });
});
