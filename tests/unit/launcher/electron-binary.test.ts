import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/launcher/electron-binary.js';

async function packageDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-electron-pkg-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe('finding the Electron binary without triggering its download', () => {
  it('is absent when the package has not fetched it yet (fresh npm ci)', async () => {
    expect(findElectronBinary(await packageDir({}), {})).toEqual({ present: false });
  });

  it('is absent when path.txt names a file that is not there', async () => {
    expect(findElectronBinary(await packageDir({ 'path.txt': 'electron' }), {})).toEqual({ present: false });
  });

  it('is present where path.txt names a file in dist/, as the package resolves it', async () => {
    const dir = await packageDir({ 'path.txt': 'electron', 'dist/electron': '' });
    expect(findElectronBinary(dir, {})).toEqual({ present: true, path: path.join(dir, 'dist', 'electron') });
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH, as the package does', async () => {
    const dir = await packageDir({});
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toEqual({
      present: true,
      path: path.join('/opt/electron', 'electron'),
    });
  });
});
