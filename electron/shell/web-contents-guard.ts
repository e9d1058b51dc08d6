import type { App, Event, WebContents } from 'electron';
import type { Logger } from '../core/logger.js';
import { urlForLog, type PagePolicy } from './app-origin.js';
import { isBlockedShortcut } from './blocked-shortcuts.js';

export type GuardOptions = {
  policy: Pick<PagePolicy, 'isAppPage'>;
  logger: Logger;
  /** Development mode: DevTools shortcuts work. */
  development: boolean;
};

/**
 * Locks down one webContents: no new windows, no navigation or redirect away
 * from the app's own page, no <webview>, no reload/DevTools/zoom/print/close
 * shortcuts, no pinch zoom.
 */
export function guardWebContents(contents: WebContents, { policy, logger, development }: GuardOptions): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('denied a new window', { url: urlForLog(url) });
    return { action: 'deny' };
  });

  const keepOnAppPage = (kind: string) => (event: Event<{ url: string }>) => {
    if (policy.isAppPage(event.url)) return;
    event.preventDefault();
    logger.warn('blocked navigation away from the app', { kind, url: urlForLog(event.url) });
  };
  contents.on('will-navigate', keepOnAppPage('will-navigate'));
  contents.on('will-frame-navigate', keepOnAppPage('will-frame-navigate'));
  contents.on('will-redirect', keepOnAppPage('will-redirect'));

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview', { kind: 'will-attach-webview' });
  });

  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input, { allowDevTools: development })) event.preventDefault();
  });

  // Pinch zoom is off by default; pin it explicitly after every load so nothing re-enables it.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch(() => {
      // Only fails if the page is already gone; recovery handles that.
    });
  });
}

/** Applies `guardWebContents` to every webContents the app ever creates, including ones it did not ask for. */
export function setupWebContentsGuard(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
