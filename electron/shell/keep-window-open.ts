import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger.js';

export type KeepOpenOptions = {
  /** True once the app is quitting on purpose; only then may the window stay closed. */
  isQuitting: () => boolean;
  logger: Logger;
  reopenDelayMs?: number;
};

/**
 * Opens a window with `open` and opens a new one whenever it closes while the
 * app is not quitting (a kiosk has no one to reopen it).
 */
export function keepWindowOpen(open: () => BrowserWindow, options: KeepOpenOptions): { current(): BrowserWindow } {
  let window = open();
  const watch = (win: BrowserWindow) => {
    win.on('closed', () => {
      if (options.isQuitting()) return;
      options.logger.warn('the window closed unexpectedly; opening it again', { reason: 'closed' });
      setTimeout(() => {
        if (options.isQuitting()) return;
        window = open();
        watch(window);
      }, options.reopenDelayMs ?? 1_000);
    });
  };
  watch(window);
  return { current: () => window };
}
