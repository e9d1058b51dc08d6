/**
 * The data key that seals private keys, pairing secrets and first names at
 * rest, in Electron (envelope encryption):
 *
 * - a random 32-byte data key encrypts with AES-256-GCM in the core (the same
 *   cipher as the browser host), so the core's Cipher stays synchronous;
 * - the data key itself is sealed by the OS keyring through the asynchronous
 *   safeStorage API (`encryptStringAsync`/`decryptStringAsync`; the
 *   synchronous calls are deprecated in Electron 45 and removed in 46);
 * - where safeStorage has no real keyring (`basic_text`, `unknown`, as under
 *   cage with no desktop session) the key comes from a systemd credential or
 *   a private key file (electron/core/identity/key-fallback.ts), else nothing
 *   is sealed and keys live in memory only;
 * - a keyring that does not answer within a short grace (a locked one) is not
 *   waited for: start-up goes on with the fallback and the log says so.
 * Which protection is in force is logged and shown on the admin screen.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import type { KeyProtectionKind } from '../../shared/trust.js';
import { fallbackDataKey } from '../core/identity/key-fallback.js';
import type { Logger } from '../core/logger.js';
import { createKeyCipher, parseDataKey } from '../core/data-key-cipher.js';
import type { Cipher } from '../core/platform.js';

export const sealedKeyFile = 'data-key.sealed';
/** How long start-up gives the keyring before going on without it. */
export const keyringGraceMs = 1500;

type LinuxBackend = ReturnType<typeof safeStorage.getSelectedStorageBackend>;
const keyringBackends: ReadonlySet<LinuxBackend> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export type KeyProtection = { kind: KeyProtectionKind; cipher: Cipher | undefined };

/** True where safeStorage really encrypts: the OS store on Windows and macOS, a keyring on Linux. */
async function keyringUsable(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return process.platform !== 'linux' || keyringBackends.has(safeStorage.getSelectedStorageBackend());
}

/** Opens the sealed data key, or makes one and seals it (first start). */
async function keyringDataKey(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, sealedKeyFile);
  let sealed: Buffer | undefined;
  try {
    sealed = Buffer.from(await readFile(file, 'utf8'), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (sealed) {
    const opened = await safeStorage.decryptStringAsync(sealed);
    if (opened.shouldReEncrypt)
      await writeFile(file, (await safeStorage.encryptStringAsync(opened.result)).toString('base64'), { mode: 0o600 });
    return parseDataKey(opened.result, file);
  }
  const key = randomBytes(32);
  await writeFile(file, (await safeStorage.encryptStringAsync(key.toString('base64'))).toString('base64'), { mode: 0o600 });
  await chmod(file, 0o600);
  return key;
}

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/**
 * Resolves the protection in force. Never rejects and never waits on the
 * keyring longer than `graceMs`. Call after `app.whenReady()`.
 */
export async function resolveKeyProtection(options: {
  dataDir: string;
  logger: Logger;
  env: Readonly<Record<string, string | undefined>>;
  graceMs?: number;
}): Promise<KeyProtection> {
  const { logger } = options;
  const fromKeyring = (async (): Promise<KeyProtection | undefined> => {
    if (!(await keyringUsable())) {
      logger.warn('safeStorage has no keyring here; using the fallback', {
        reason: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'unavailable',
      });
      return undefined;
    }
    const key = await keyringDataKey(options.dataDir);
    logger.info('keys are sealed with the OS keyring (safeStorage)', { kind: 'safeStorage' });
    return { kind: 'safeStorage', cipher: { ...createKeyCipher(key), kind: 'safeStorage' } };
  })().catch((error: unknown) => {
    logger.error('the keyring could not seal or open the data key; using the fallback', { error: error as Error });
    return undefined;
  });
  const answer = await Promise.race([fromKeyring, timeout(options.graceMs ?? keyringGraceMs)]);
  if (answer === 'timeout')
    logger.warn('the keyring did not answer in time (locked?); starting with the fallback; restart after unlocking it', {
      durationMs: options.graceMs ?? keyringGraceMs,
    });
  if (answer && answer !== 'timeout') return answer;
  const fallback = fallbackDataKey(options.env, logger);
  return { kind: fallback.kind, cipher: fallback.key ? { ...createKeyCipher(fallback.key), kind: fallback.kind } : undefined };
}
