/**
 * The core's platform, bound to Electron: the cipher key-protection.ts
 * resolved seals personal fields, electron-store keeps documents,
 * Notification alerts the desk.
 */
import { clipboard, Notification } from 'electron';
import ElectronStore from 'electron-store';
import type { Logger } from '../core/logger.js';
import type { Cipher, DocumentStore, Notifier, OpenStore, Platform } from '../core/platform.js';

/**
 * electron-store documents in `dataDir` (an absolute folder), one JSON file
 * per name, readable only by this user, never silently reset when damaged.
 */
export function electronStores(dataDir: string): OpenStore {
  return <T extends Record<string, unknown>>(name: string, defaults: T): DocumentStore<T> => {
    const store = new ElectronStore<T>({
      name,
      cwd: dataDir,
      defaults: defaults as never,
      configFileMode: 0o600,
      clearInvalidConfig: false,
    });
    return {
      read: () => store.store,
      write: (value) => {
        store.store = value;
      },
      path: store.path,
    };
  };
}

/**
 * OS notifications on the desk PC. The core writes title and body without
 * personal data; this adds nothing to them. Urgent alerts are `critical` and
 * stay until dismissed (Linux, Windows). A notification is held until it
 * closes, because one that is garbage-collected can vanish from the screen.
 * Showing one never throws into the core: the desk's own alert still rings.
 */
export function electronNotifier(logger: Logger): Notifier {
  const onScreen = new Set<Notification>();
  return {
    show({ title, body, urgent }) {
      if (!Notification.isSupported()) return;
      try {
        const notification = new Notification({
          title,
          body,
          urgency: urgent ? 'critical' : 'normal',
          timeoutType: urgent ? 'never' : 'default',
          silent: false,
        });
        onScreen.add(notification);
        const release = () => onScreen.delete(notification);
        notification.once('close', release);
        notification.once('failed', release);
        notification.show();
      } catch (error) {
        logger.warn('an OS notification could not be shown', { error });
      }
    },
  };
}

/**
 * `cipher`: the protection resolved by `resolveKeyProtection` (key-protection.ts),
 * which seals a data key with the asynchronous safeStorage API.
 */
export function electronPlatform(dataDir: string, logger: Logger, cipher: Cipher | undefined): Platform {
  return {
    cipher,
    openStore: electronStores(dataDir),
    notifier: electronNotifier(logger),
    now: Date.now,
    clearClipboard: () => {
      clipboard.clear();
      // On Linux what was last selected is kept too (pasted with a middle click); `selection` is undefined elsewhere.
      (clipboard.selection as typeof clipboard.selection | undefined)?.clear();
    },
  };
}
