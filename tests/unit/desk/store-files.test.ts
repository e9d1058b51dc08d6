import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const startAt = Date.parse('2026-11-20T15:00:00Z');

/** A desk data folder holding the fixture store of the old format. */
async function folderWithOldStore(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-old-'));
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await copyFile(path.join(fixtures, 'desk-requests-v1.json'), path.join(dir, 'data', 'desk-requests.json'));
  return dir;
}

describe('the desk store on disk', () => {
  it('moves an old single-document store to one file per request on first open, setting aside what it cannot read', async () => {
    const dir = await folderWithOldStore();
    const desk = await startDesk({ dir, startAt });
    const folder = path.join(desk.dataDir, 'desk-requests');

    const state = await desk.handlers['desk.getState']({});
    expect(state.requests).toEqual([
      expect.objectContaining({
        id: 'req_legacy0000000000000001',
        firstName: 'Marisol',
        askedAt: '2026-11-20T14:50:00.000Z',
        state: 'open',
      }),
    ]);
    expect((await desk.handlers['desk.history']({ days: 7 })).map((r) => r.id)).toEqual(['req_legacy0000000000000002']);
    expect((await readdir(folder)).filter((n) => n.endsWith('.json')).sort()).toEqual([
      'req_legacy0000000000000001.json',
      'req_legacy0000000000000002.json',
    ]);
    const document = JSON.parse(await readFile(path.join(desk.dataDir, 'desk-requests.json'), 'utf8')) as Record<string, unknown>;
    expect(document).toEqual({ version: 2, archive: [expect.objectContaining({ language: 'vi', outcome: 'referred' })] });
    // Kept for an administrator, not deleted; the log says how many and where, and nothing of what they held.
    const setAside = await readdir(path.join(folder, 'set-aside'));
    expect(setAside).toHaveLength(3);
    const setAsideText = (await Promise.all(setAside.map((n) => readFile(path.join(folder, 'set-aside', n), 'utf8')))).join('\n');
    expect(setAsideText).toContain('a kind this version does not know');
    expect(setAsideText).toContain('constructor');
    expect(desk.logs.filter((e) => e.level === 'error').map((e) => [e.message, e.fields?.count])).toEqual([
      ['stored desk records could not be read; set aside for an administrator', 3],
    ]);
    expect(JSON.stringify(desk.logs)).not.toContain('K1-4823');
    expect((await desk.handlers['desk.report']({ period: 'year' })).total).toBe(3);

    // A second start finds the new layout: nothing to migrate, nothing more set aside.
    await desk.close();
    const again = await startDesk({ dir, startAt });
    expect((await again.handlers['desk.getState']({})).requests.map((r) => r.firstName)).toEqual(['Marisol']);
    expect(await readdir(path.join(folder, 'set-aside'))).toHaveLength(3);
    expect(again.logs.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('a request file it cannot read is set aside at start, and the desk starts with the others', async () => {
    const first = await startDesk({ startAt });
    const good = requestCreated();
    await post(`${first.url()}/requests`, good);
    await first.close();
    const folder = path.join(first.dataDir, 'desk-requests');
    await writeFile(path.join(folder, 'req_broken00000000000001.json'), '{"id": "req_broken00000000000001", "kind": ');

    const desk = await startDesk({ dir: first.dir, startAt });
    expect((await desk.handlers['desk.getState']({})).requests.map((r) => r.id)).toEqual([good.request.id]);
    expect(await readdir(path.join(folder, 'set-aside'))).toEqual(['req_broken00000000000001.json']);
    expect((await readdir(folder)).filter((n) => n.endsWith('.json'))).toEqual([`${good.request.id}.json`]);
  });

  it('storing a request writes that request only, however many are stored; heartbeats write no request file', async () => {
    const writes: { file: string; bytes: number }[] = [];
    const files: DurableFiles = {
      ...nodeFiles,
      writeSynced: async (file, data) => {
        writes.push({ file, bytes: Buffer.byteLength(data) });
        await nodeFiles.writeSynced(file, data);
      },
    };
    const desk = await startDesk({ files, startAt });
    for (let i = 0; i < 40; i += 1) {
      await post(`${desk.url()}/requests`, requestCreated());
      await post(`${desk.url()}/heartbeats`, heartbeat());
      // A lobby's pace, under the per-kiosk limit.
      desk.clock.now += 10_000;
    }
    expect(writes).toHaveLength(40);
    const sizes = writes.map((w) => w.bytes);
    expect(Math.max(...sizes)).toBeLessThan(1024);
    // The 40th costs what the 1st did: nothing grows with the number stored.
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(64);
  });
});
