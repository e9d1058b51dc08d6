/**
 * The core's platform, bound to Electron: safeStorage encrypts personal
 * fields, electron-store keeps documents, Notification alerts the desk.
 */
import { Notification, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import type { Logger } from '../core/logger.js';
import type { Cipher, DocumentStore, OpenStore, Platform } from '../core/platform.js';

/**
 * safeStorage, unless it would store in plain text: on Linux without a
 * keyring the `basic_text` backend only obfuscates, so personal fields are
 * then kept in memory only (DESIGN.md, Privacy).
 */
export function safeStorageCipher(logger: Logger): Cipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    logger.warn('safeStorage is not available; personal fields will not be written to disk', { reason: 'unavailable' });
    return undefined;
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    logger.warn('safeStorage has no keyring (basic_text); personal fields will not be written to disk', { reason: 'basic_text' });
    return undefined;
  }
  return {
    kind: 'safeStorage',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

export function electronStores(dataDir: string): OpenStore {
  return <T extends Record<string, unknown>>(name: string, defaults: T): DocumentStore<T> => {
    const store = new ElectronStore<T>({ name, cwd: dataDir, defaults: defaults as never, configFileMode: 0o600, clearInvalidConfig: false });
    return {
      read: () => store.store,
      write: (value) => {
        store.store = value;
      },
      path: store.path,
    };
  };
}

export function electronPlatform(dataDir: string, logger: Logger): Platform {
  return {
    cipher: safeStorageCipher(logger),
    openStore: electronStores(dataDir),
    notifier: {
      show({ title, body, urgent }) {
        if (!Notification.isSupported()) return;
        new Notification({ title, body, urgency: urgent ? 'critical' : 'normal', silent: false }).show();
      },
    },
    now: Date.now,
  };
}
