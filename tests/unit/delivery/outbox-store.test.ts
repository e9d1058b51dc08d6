import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';

type Item = { id: string; n: number };
const parse = (json: unknown) =>
  typeof (json as Item).id === 'string' && typeof (json as Item).n === 'number' ? (json as Item) : undefined;

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-outbox-'));
  dirs.push(dir);
  return path.join(dir, 'outbox');
}

describe('the outbox store', () => {
  it('writes through a synced temp file, renames it and syncs the folder', async () => {
    const dir = await tempDir();
    const calls: string[] = [];
    const spy: DurableFiles = {
      ...nodeFiles,
      writeSynced: async (file, data) => {
        calls.push(`write ${path.basename(file).replace(/\.[A-Za-z0-9]{8}\.tmp$/, '.TMP')}`);
        await nodeFiles.writeSynced(file, data);
      },
      rename: async (from, to) => {
        calls.push(`rename ${path.basename(to)}`);
        await nodeFiles.rename(from, to);
      },
      syncDir: async (d) => {
        calls.push(`sync ${path.basename(d)}`);
        await nodeFiles.syncDir(d);
      },
    };
    const store = await openOutboxStore<Item>(dir, parse, spy);
    await store.save({ id: 'req_a', n: 1 });
    expect(calls).toEqual(['write req_a.TMP', 'rename req_a.json', 'sync outbox']);
    expect(JSON.parse(await readFile(path.join(dir, 'req_a.json'), 'utf8'))).toEqual({ id: 'req_a', n: 1 });
  });

  it('keeps the last of many overlapping saves of one record', async () => {
    const store = await openOutboxStore<Item>(await tempDir(), parse);
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.save({ id: 'req_a', n })));
    expect((await store.loadAll()).records).toEqual([{ id: 'req_a', n: 19 }]);
  });

  it('on open, removes temp files a crash left and reports unreadable records without deleting them', async () => {
    const dir = await tempDir();
    const store = await openOutboxStore<Item>(dir, parse);
    await store.save({ id: 'req_ok', n: 1 });
    await writeFile(path.join(dir, 'req_crash.abcdefgh.tmp'), '{"id":"req_cr');
    await writeFile(path.join(dir, 'req_bad.json'), '{"id":');
    const reopened = await openOutboxStore<Item>(dir, parse);
    expect(await reopened.loadAll()).toEqual({ records: [{ id: 'req_ok', n: 1 }], unreadable: ['req_bad.json'] });
    expect((await readdir(dir)).sort()).toEqual(['req_bad.json', 'req_ok.json']);
  });

  it('refuses an id that could escape the folder', async () => {
    const store = await openOutboxStore<Item>(await tempDir(), parse);
    await expect(store.save({ id: '../evil', n: 1 })).rejects.toThrow(/unsafe/);
  });
});
