import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigPaths } from '../../../electron/core/config/load-config.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { nodePlatform } from '../../../electron/core/node-platform.js';
import type { Platform } from '../../../electron/core/platform.js';
import { testPinHash } from './test-pin.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const resourcesDir = path.join(repoRoot, 'resources');

/** A fixed test key: tests are not about keeping the key secret. */
export const testDataKey = Buffer.alloc(32, 7);

/** Where a core keeps its data in a test: `conf` in a folder of the test's own, the test key. */
export function testStorage(dir: string, overrides: Partial<Platform> = {}): { dataDir: string; platform: Platform } {
  const dataDir = path.join(dir, 'data');
  return {
    dataDir,
    platform: { ...nodePlatform({ dataDir, key: testDataKey, logger: createLogger('platform', memorySink()) }), ...overrides },
  };
}

/**
 * A temp folder holding copies of the shipped kiosk config and profile, for tests that edit them. A kiosk
 * is set up, as one in a lobby is: its config holds the hash of testAdminPin (a kiosk without a PIN shows
 * the public only "not set up yet"); `adminPin: false` leaves it out, for tests of first use.
 */
export async function tempConfig(deviceFile = 'config/kiosk.json', options: { adminPin?: boolean } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-config-'));
  const paths: ConfigPaths = {
    deviceConfig: path.join(dir, 'device.json'),
    agencyProfile: path.join(dir, 'profile.json'),
    localesDir: path.join(resourcesDir, 'locales'),
  };
  await cp(path.join(resourcesDir, deviceFile), paths.deviceConfig);
  await cp(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), paths.agencyProfile);
  // A desk in a test listens on a port the system picks, never the shipped 4790.
  const device = JSON.parse(await readFile(paths.deviceConfig, 'utf8')) as {
    role: string;
    receiver?: { port: number };
    admin?: { pinHash: string };
  };
  if (device.role === 'desk' && device.receiver) device.receiver.port = 0;
  if (device.role === 'kiosk' && options.adminPin !== false) device.admin = { pinHash: await testPinHash() };
  await writeFile(paths.deviceConfig, JSON.stringify(device, null, 2));
  return {
    dir,
    paths,
    storage: testStorage(dir),
    /** Rewrites a JSON file through a function of its parsed content. */
    async edit(file: string, change: (json: Record<string, unknown>) => unknown) {
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify(change(json), null, 2));
    },
    write: (file: string, text: string) => writeFile(file, text),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
