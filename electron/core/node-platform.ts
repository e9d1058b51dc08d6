/**
 * The platform for the browser host and tests: `conf` (the library
 * electron-store is built on) on a folder of their own, AES-256-GCM with a
 * key the host's configuration supplies, and notifications as log lines.
 * Electron binds safeStorage, electron-store and Notification instead
 * (electron/shell/electron-platform.ts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import Conf from 'conf';
import type { Cipher, DocumentStore, Notifier, OpenStore, Platform } from './platform.js';
import type { Logger } from './logger.js';

const keyBytes = 32;
const ivBytes = 12;
const sealedPrefix = 'v1:';

/** Reads a 32-byte key given as base64 (LOBBY_DATA_KEY or a key file); throws a sentence naming what is wrong. */
export function parseDataKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== keyBytes) {
    throw new Error(`${source} must hold a ${keyBytes}-byte key in base64 (got ${key.length} bytes); make one with: openssl rand -base64 32`);
  }
  return key;
}

/** AES-256-GCM: "v1:" + base64(iv | tag | ciphertext). Tampering or a wrong key throws on decrypt. */
export function createKeyCipher(key: Buffer): Cipher {
  if (key.length !== keyBytes) throw new Error(`the data key must be ${keyBytes} bytes`);
  return {
    kind: 'aes-256-gcm',
    encrypt(plain) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed) {
      if (!sealed.startsWith(sealedPrefix)) throw new Error('not sealed by this cipher');
      const raw = Buffer.from(sealed.slice(sealedPrefix.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes));
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + 16));
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + 16)), decipher.final()]).toString('utf8');
    },
  };
}

/** `conf` documents in `dir`, one file per name, written atomically with fsync, readable only by this user. */
export function confStores(dir: string): OpenStore {
  return <T extends Record<string, unknown>>(name: string, defaults: T): DocumentStore<T> => {
    const conf = new Conf<T>({ cwd: dir, configName: name, defaults: defaults as never, configFileMode: 0o600, clearInvalidConfig: false });
    return {
      read: () => conf.store,
      write: (value) => {
        conf.store = value;
      },
      path: conf.path,
    };
  };
}

export function logNotifier(logger: Logger): Notifier {
  return {
    show: ({ urgent }) => logger.info('desk notification (browser host: shown in the page only)', { kind: urgent ? 'urgent' : 'normal' }),
  };
}

export function nodePlatform(options: { dataDir: string; key: Buffer | undefined; logger: Logger; now?: () => number }): Platform {
  return {
    cipher: options.key ? createKeyCipher(options.key) : undefined,
    openStore: confStores(options.dataDir),
    notifier: logNotifier(options.logger),
    now: options.now ?? Date.now,
  };
}
