import type { App, BrowserWindow } from 'electron';

/**
 * Makes this the only running copy. Returns false when another copy already
 * runs: the caller quits, and the running copy brings its window forward
 * (a kiosk started twice must not show two screens or open two outboxes).
 */
export function takeSingleInstanceLock(app: App, currentWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
