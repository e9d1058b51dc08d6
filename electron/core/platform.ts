/**
 * What the core needs from the machine that only Electron (or the browser
 * host) can give. The core declares these; electron/ binds safeStorage,
 * electron-store and Notification; the browser host and tests bind a
 * configured key, `conf` on a folder of their own, and a log line.
 */

/** Encrypts personal fields at rest. */
export type Cipher = {
  /** "safeStorage" or "aes-256-gcm"; for the log, never a secret. */
  readonly kind: string;
  /**
   * `associatedData` binds the ciphertext to its context (the record's id): it
   * is not stored, and the same value must be given to decrypt.
   */
  encrypt(plain: string, associatedData?: string): string;
  /** Throws when the text was not sealed by this key, or with other associated data. */
  decrypt(sealed: string, associatedData?: string): string;
};

/**
 * One JSON document kept by electron-store (Electron) or conf (browser host,
 * tests). Small, whole-document reads and atomic writes.
 */
export type DocumentStore<T> = {
  read(): T;
  write(value: T): void;
  /** The file on disk, for error messages. */
  readonly path: string;
};

export type OpenStore = <T extends Record<string, unknown>>(name: string, defaults: T) => DocumentStore<T>;

export type Notifier = {
  /** An OS notification on the desk PC. No personal data in title or body. */
  show(notification: { title: string; body: string; urgent: boolean }): void;
};

export type Platform = {
  /**
   * Undefined when this machine cannot encrypt (Electron's safeStorage on the
   * `basic_text` backend, or no key configured): personal fields then stay in
   * memory only and are never written to disk.
   */
  cipher: Cipher | undefined;
  openStore: OpenStore;
  notifier: Notifier;
  /** Milliseconds since the epoch; tests move it. */
  now(): number;
  /**
   * Empties the system clipboard (and on Linux the selection), so the next
   * person at a kiosk cannot paste what the last one copied. Absent where the
   * app does not own the screen (the browser host).
   */
  clearClipboard?(): void;
};
