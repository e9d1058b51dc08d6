/**
 * Where the data key comes from when the OS keyring cannot seal (Electron's
 * safeStorage on `basic_text`, as under cage with no desktop session):
 *
 * 1. a systemd credential: `$CREDENTIALS_DIRECTORY/lobby-data-key`, from
 *    `LoadCredentialEncrypted=` in the unit (sealed to the TPM where present);
 * 2. a key file named by LOBBY_KEY_FILE, readable by the service account only
 *    (refused when its mode lets the group or others read it);
 * 3. nothing: keys and pairings stay in memory until the app stops.
 *
 * Never silent: the caller logs which one is in force, and the admin screen shows it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { KeyProtectionKind } from '../../../shared/trust.js';
import type { Logger } from '../logger.js';
import { parseDataKey } from '../data-key-cipher.js';

export const credentialName = 'lobby-data-key';
export const keyFileEnv = 'LOBBY_KEY_FILE';

export type FallbackKey = { kind: Extract<KeyProtectionKind, 'systemd-credential' | 'key-file' | 'memory-only'>; key?: Buffer };

/** Reads the fallback data key in the order above; logs what it chose and anything it refused. */
export function fallbackDataKey(env: Readonly<Record<string, string | undefined>>, logger: Logger): FallbackKey {
  const credentials = env.CREDENTIALS_DIRECTORY;
  if (credentials) {
    const file = path.join(credentials, credentialName);
    try {
      const key = parseDataKey(readFileSync(file, 'utf8'), file);
      logger.info('keys are sealed with a systemd credential', { kind: 'systemd-credential' });
      return { kind: 'systemd-credential', key };
    } catch (error) {
      logger.warn('the systemd credential could not be used', { file, reason: (error as NodeJS.ErrnoException).code ?? 'bad-key' });
    }
  }
  const keyFile = env[keyFileEnv];
  if (keyFile) {
    try {
      const mode = statSync(keyFile).mode & 0o777;
      if ((mode & 0o077) !== 0) {
        logger.error(`${keyFileEnv} is readable by other accounts; refusing it (chmod 600 it)`, { file: keyFile, code: mode.toString(8) });
      } else {
        const key = parseDataKey(readFileSync(keyFile, 'utf8'), keyFile);
        logger.info('keys are sealed with a key file', { kind: 'key-file', file: keyFile });
        return { kind: 'key-file', key };
      }
    } catch (error) {
      logger.error(`${keyFileEnv} could not be read`, { file: keyFile, reason: (error as NodeJS.ErrnoException).code ?? 'bad-key' });
    }
  }
  logger.warn('no keyring, systemd credential or key file: keys and pairings are kept in memory only and end at restart', {
    kind: 'memory-only',
  });
  return { kind: 'memory-only' };
}
