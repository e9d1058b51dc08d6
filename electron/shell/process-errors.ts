import type { Logger } from '../core/logger.js';

/**
 * Sends main-process errors nobody caught to the log. Without this Electron
 * shows an error dialog with a stack trace: on a public screen that is both
 * a leak and a dead end for the person standing there.
 */
export function logUncaughtErrors(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.error('uncaught exception in main', { error });
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection in main', { error: reason instanceof Error ? reason : 'non-error' });
  });
}
