/**
 * The outbox's file layer on the real disk (nodeFiles in
 * electron/core/delivery/durable-files.ts): private modes, text back as
 * text, a missing file removed quietly but any other failure reported, and
 * no file left open after a write or a folder sync.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinUrl } from '../../../electron/core/delivery/desk-channel.js';
import { nodeFiles } from '../../../electron/core/delivery/durable-files.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Open file descriptors of this process (Linux lists them under /proc). */
const openFiles = async () => (await readdir('/proc/self/fd')).length;

describe("the outbox's file layer", () => {
  it('makes folders only its user can enter and files only its user can read, and reads them back as text', async () => {
    const folder = path.join(dir, 'outbox', 'deep');
    await nodeFiles.mkdir(folder);
    const file = path.join(folder, 'req_a.json');
    await nodeFiles.writeSynced(file, '{"name":"Zoë"}');
    if (process.platform !== 'win32') {
      expect((await stat(folder)).mode & 0o777).toBe(0o700);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    expect(await nodeFiles.read(file)).toBe('{"name":"Zoë"}');
    expect(await nodeFiles.list(folder)).toEqual(['req_a.json']);
  });

  it('removes a file, takes a file already gone as removed, and reports any other failure', async () => {
    const file = path.join(dir, 'req_a.json');
    await nodeFiles.writeSynced(file, '{}');
    await nodeFiles.remove(file);
    expect(await nodeFiles.list(dir)).toEqual([]);
    await expect(nodeFiles.remove(file)).resolves.toBeUndefined();
    await nodeFiles.mkdir(path.join(dir, 'a-folder'));
    await expect(nodeFiles.remove(path.join(dir, 'a-folder'))).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|EPERM)$/) });
  });

  it.runIf(process.platform === 'linux')('leaves no file open after writing and syncing, however many times', async () => {
    const before = await openFiles();
    for (let n = 0; n < 20; n += 1) {
      await nodeFiles.writeSynced(path.join(dir, `req_${n}.tmp`), 'x');
      await nodeFiles.syncDir(dir);
    }
    expect(await openFiles()).toBe(before);
  });
});

describe('a desk URL', () => {
  it('is joined to a contract path with exactly one slash, however many the config ends with', () => {
    for (const base of ['https://desk:4790/lobby/v1', 'https://desk:4790/lobby/v1/', 'https://desk:4790/lobby/v1///'])
      expect(joinUrl(base, '/requests')).toBe('https://desk:4790/lobby/v1/requests');
  });
});
