import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagValue, resolveConfigPaths } from '../../../electron/core/config/config-paths.js';

const resourcesDir = '/app/resources';

describe('choosing configuration files', () => {
  it('uses the shipped defaults when nothing is named', () => {
    expect(resolveConfigPaths({ argv: [], env: {}, resourcesDir })).toEqual({
      deviceConfig: '/app/resources/config/kiosk.json',
      agencyProfile: '/app/resources/profiles/safe-passage-lees-summit.json',
      localesDir: '/app/resources/locales',
    });
  });

  it('a command-line flag wins over the environment variable', () => {
    const paths = resolveConfigPaths({
      argv: ['--config=/etc/lobby/a.json', '--profile', '/etc/lobby/p.json'],
      env: { LOBBY_DEVICE_CONFIG: '/env/b.json', LOBBY_AGENCY_PROFILE: '/env/q.json' },
      resourcesDir,
    });
    expect(paths.deviceConfig).toBe('/etc/lobby/a.json');
    expect(paths.agencyProfile).toBe('/etc/lobby/p.json');
  });

  it('the environment variable is used when no flag is given', () => {
    const paths = resolveConfigPaths({ argv: [], env: { LOBBY_DEVICE_CONFIG: '/env/b.json' }, resourcesDir });
    expect(paths.deviceConfig).toBe('/env/b.json');
  });

  it("a file in the machine's own folder wins over the shipped default", async () => {
    const userDir = await mkdtemp(path.join(tmpdir(), 'lobby-user-'));
    await writeFile(path.join(userDir, 'device-config.json'), '{}');
    const paths = resolveConfigPaths({ argv: [], env: {}, resourcesDir, userDir });
    expect(paths.deviceConfig).toBe(path.join(userDir, 'device-config.json'));
    expect(paths.agencyProfile).toBe('/app/resources/profiles/safe-passage-lees-summit.json');
  });

  it('reads both flag spellings', () => {
    expect(flagValue(['--port=1'], '--port')).toBe('1');
    expect(flagValue(['--port', '2'], '--port')).toBe('2');
    expect(flagValue(['--portal=3'], '--port')).toBeUndefined();
  });
});
