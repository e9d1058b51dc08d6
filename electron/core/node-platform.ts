/**
 * The platform for the browser host and tests: `conf` (the library
 * electron-store is built on) on a folder of their own, AES-256-GCM with a
 * key the host's configuration supplies, and notifications as log lines.
 * Electron binds safeStorage, electron-store and Notification instead
 * (electron/shell/electron-platform.ts).
 */
import Conf from 'conf';
import type { DocumentStore, Notifier, OpenStore, Platform } from './platform.js';
import type { Logger } from './logger.js';

// The cipher lives in its own file so Electron's main can use it without loading conf.
export { createKeyCipher, parseDataKey } from './data-key-cipher.js';
import { createKeyCipher } from './data-key-cipher.js';

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
