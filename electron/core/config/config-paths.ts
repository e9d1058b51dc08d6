import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigPaths } from './load-config.js';

export type ConfigSources = {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The app's own resources folder (repo `resources/`, or inside the installed app). */
  resourcesDir: string;
  /** Where a department puts its own files on this machine (Electron's userData); optional. */
  userDir?: string;
};

/** The environment variables and flags that name configuration files, as documented in docs/configuration.md. */
export const configEnv = { deviceConfig: 'LOBBY_DEVICE_CONFIG', agencyProfile: 'LOBBY_AGENCY_PROFILE' } as const;
export const configFlags = { deviceConfig: '--config', agencyProfile: '--profile' } as const;

export const defaultFiles = {
  kioskConfig: path.join('config', 'kiosk.json'),
  deskConfig: path.join('config', 'desk.json'),
  agencyProfile: path.join('profiles', 'safe-passage-lees-summit.json'),
} as const;

/** Reads `--name=value` or `--name value` from an argument list. */
export function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Decides which files to load. Order: command-line flag, then environment
 * variable, then a file in the machine's user folder, then the shipped default.
 */
export function resolveConfigPaths(sources: ConfigSources, fallbackDeviceFile = defaultFiles.kioskConfig): ConfigPaths {
  const pick = (flag: string, envName: string, userFile: string, shipped: string) => {
    const named = flagValue(sources.argv, flag) ?? sources.env[envName];
    if (named) return path.resolve(named);
    if (sources.userDir) {
      const own = path.join(sources.userDir, userFile);
      if (existsSync(own)) return own;
    }
    return path.join(sources.resourcesDir, shipped);
  };
  return {
    deviceConfig: pick(configFlags.deviceConfig, configEnv.deviceConfig, 'device-config.json', fallbackDeviceFile),
    agencyProfile: pick(configFlags.agencyProfile, configEnv.agencyProfile, 'agency-profile.json', defaultFiles.agencyProfile),
    localesDir: path.join(sources.resourcesDir, 'locales'),
  };
}
