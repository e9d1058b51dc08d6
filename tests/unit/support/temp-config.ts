import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigPaths } from '../../../electron/core/config/load-config.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const resourcesDir = path.join(repoRoot, 'resources');

/** A temp folder holding copies of the shipped kiosk config and profile, for tests that edit them. */
export async function tempConfig(deviceFile = 'config/kiosk.json') {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-config-'));
  const paths: ConfigPaths = {
    deviceConfig: path.join(dir, 'device.json'),
    agencyProfile: path.join(dir, 'profile.json'),
    localesDir: path.join(resourcesDir, 'locales'),
  };
  await cp(path.join(resourcesDir, deviceFile), paths.deviceConfig);
  await cp(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), paths.agencyProfile);
  return {
    dir,
    paths,
    /** Rewrites a JSON file through a function of its parsed content. */
    async edit(file: string, change: (json: Record<string, unknown>) => unknown) {
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify(change(json), null, 2));
    },
    write: (file: string, text: string) => writeFile(file, text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
