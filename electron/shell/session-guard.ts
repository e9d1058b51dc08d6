import type { DownloadItem, Session } from 'electron';
import type { Logger } from '../core/logger.js';
import { urlForLog } from './app-origin.js';

/**
 * Denies every permission (camera, microphone, geolocation, notifications,
 * HID/USB/serial, screen capture…) and every download. The app needs none of
 * them; each denial is logged so a page asking for one is visible.
 *
 * One exception, decided per download by `mayDownload`: the desk's CSV report,
 * made in the page as a blob of the app's own origin. Electron then asks the
 * officer where to save it.
 */
export function hardenSession(session: Session, logger: Logger, options: { mayDownload?: (item: DownloadItem) => boolean } = {}): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    logger.warn('denied a permission request', { permission, origin: urlForLog(details.requestingUrl) });
    callback(false);
  });

  // Chromium checks permissions often (on every page load, for some); log each kind once, deny always.
  const checksLogged = new Set<string>();
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    const origin = urlForLog(requestingOrigin);
    const key = `${permission} ${origin}`;
    if (!checksLogged.has(key)) {
      checksLogged.add(key);
      logger.warn('denied a permission check', { permission, origin });
    }
    return false;
  });

  session.setDevicePermissionHandler((details) => {
    logger.warn('denied a device permission', { permission: details.deviceType, origin: urlForLog(details.origin) });
    return false;
  });

  session.setDisplayMediaRequestHandler((request, callback) => {
    logger.warn('denied a screen capture request', { permission: 'display-capture', origin: urlForLog(request.securityOrigin) });
    callback(null);
  });

  session.on('will-download', (event, item) => {
    if (mayDownloadSafely(options.mayDownload, item, logger)) {
      logger.info('allowed a report download', { kind: 'download' });
      return;
    }
    logger.warn('blocked a download', { kind: 'download', url: urlForLog(item.getURL()) });
    item.cancel();
    event.preventDefault();
  });
}

/** Fails closed: a check that throws (a malformed URL, say) is a refusal, so the download is still cancelled. */
function mayDownloadSafely(check: ((item: DownloadItem) => boolean) | undefined, item: DownloadItem, logger: Logger): boolean {
  try {
    return check?.(item) === true;
  } catch (error) {
    logger.warn('a download check failed; treating it as refused', { kind: error instanceof Error ? error.name : typeof error });
    return false;
  }
}

/**
 * A CSV the app's own page made (`blob:<app origin>/<uuid>`): the desk's
 * anonymous report. Nothing from the network qualifies.
 */
export function isOwnReportDownload(item: Pick<DownloadItem, 'getURL' | 'getFilename'>, appStartUrl: string): boolean {
  const url = item.getURL();
  if (!url.startsWith('blob:')) return false;
  const start = new URL(appStartUrl);
  // A malformed blob: URL is not ours; URL.parse answers null where `new URL` would throw.
  const inner = URL.parse(url.slice('blob:'.length));
  if (!inner) return false;
  return inner.protocol === start.protocol && inner.host === start.host && /^[\w.-]+\.csv$/.test(item.getFilename());
}
