import type { App } from 'electron';
import type { Logger } from '../core/logger.js';

export type QuitOptions = {
  /** Releases what the app holds (IPC handlers, config watchers, later the outbox). */
  cleanup: () => void;
  logger: Logger;
  /** The longest quitting may take before the process exits anyway. */
  timeoutMs?: number;
};

/**
 * Runs cleanup once when quitting starts and makes sure quitting ends: a page
 * that vetoes unload or a stuck handle must not leave a half-closed kiosk that
 * the service manager cannot restart. SIGTERM and SIGINT (a service manager
 * stopping the app) quit the same way.
 */
export function setupQuit(app: App, options: QuitOptions): void {
  const timeoutMs = options.timeoutMs ?? 5_000;
  let started = false;
  app.on('before-quit', () => {
    if (started) return;
    started = true;
    try {
      options.cleanup();
    } catch (error) {
      options.logger.error('cleanup failed while quitting', { error: error instanceof Error ? error : 'non-error' });
    }
    setTimeout(() => {
      options.logger.warn('quitting took too long; exiting now', { durationMs: timeoutMs });
      app.exit(0);
    }, timeoutMs).unref();
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => app.quit());
  }
}
