import path from 'node:path';
import type { BrowserWindow } from 'electron';
import type { Logger } from '../core/logger.js';
import { urlForLog } from './app-origin.js';

/** Chromium's net::ERR_ABORTED. */
const abortedLoad = -3;

/**
 * Keeps a 24/7 screen showing the app: reload after the renderer dies, its
 * page fails to load or its preload fails, and kill and reload a renderer
 * that hangs (keep-window-open.ts reopens a kiosk window that goes away).
 * A renderer that keeps dying is reloaded more and more slowly, never given up on.
 */
export type CrashPolicy = {
  /** A page that stays up this long after a reload has recovered; the crash count starts again. */
  stableAfterMs: number;
  /** Crashes in a row that are reloaded at once. */
  immediateReloads: number;
  /** The wait after the first crash beyond those; doubled each time after. */
  firstBackoffMs: number;
  maxBackoffMs: number;
};

export const defaultCrashPolicy: CrashPolicy = {
  stableAfterMs: 60_000,
  immediateReloads: 3,
  firstBackoffMs: 5_000,
  maxBackoffMs: 5 * 60_000,
};

/** Decides how long to wait before each reload. Pure apart from the clock, which tests pass in. */
export function createCrashLoopGuard(policy: CrashPolicy = defaultCrashPolicy, now: () => number = Date.now) {
  let crashesInARow = 0;
  let lastReloadAt = now();
  return {
    /** The renderer died: how many milliseconds to wait before reloading. */
    crashed(): number {
      if (now() - lastReloadAt >= policy.stableAfterMs) crashesInARow = 0;
      crashesInARow += 1;
      const beyond = crashesInARow - policy.immediateReloads;
      return beyond <= 0 ? 0 : Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** (beyond - 1));
    },
    /** A reload is starting now. */
    reloading(): void {
      lastReloadAt = now();
    },
  };
}

export type RecoveryOptions = {
  /** The page to load again: a fresh start also forgets whatever the last person entered. */
  startUrl: string;
  logger: Logger;
  policy?: CrashPolicy;
  /** How long a renderer may stay unresponsive before it is killed and reloaded. */
  unresponsiveGraceMs?: number;
};

/** Reloads the window's page when its renderer dies or hangs, or the page or its preload fails to load; logs why. */
export function watchRenderer(window: BrowserWindow, options: RecoveryOptions): void {
  const { logger, startUrl } = options;
  const contents = window.webContents;
  const guard = createCrashLoopGuard(options.policy);
  let reloadTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  const reload = () => {
    reloadTimer = undefined;
    if (window.isDestroyed()) return;
    guard.reloading();
    contents.loadURL(startUrl).catch(() => {
      // A failed reload shows up as another render-process-gone or did-fail-load; nothing to add here.
    });
  };

  /** The page is not up: log why, then reload it through the crash-loop guard. */
  const recover = (message: string, fields: Record<string, string | number>) => {
    if (window.isDestroyed()) return;
    const delay = guard.crashed();
    logger.error(message, { ...fields, durationMs: delay });
    clearTimeout(reloadTimer);
    if (delay === 0) reload();
    else reloadTimer = setTimeout(reload, delay);
  };

  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hangTimer);
    recover('the page stopped; reloading', { reason: details.reason, exitCode: details.exitCode });
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // ERR_ABORTED (-3) is a load replaced by another (our own reload among them), not a failure.
    if (!isMainFrame || errorCode === abortedLoad) return;
    recover('the app page failed to load; reloading', { code: errorDescription, exitCode: errorCode, url: urlForLog(validatedURL) });
  });

  contents.on('preload-error', (_event, preloadPath, error) => {
    // Without its preload the page has no window.lobby and can only show "go to the front window".
    // The message comes from code (a missing file, a syntax error), never from anything a person typed.
    recover('the preload failed; reloading', { file: path.basename(preloadPath), kind: error.name, reason: error.message.slice(0, 200) });
  });

  contents.on('unresponsive', () => {
    logger.warn('the page is not responding', { state: 'unresponsive' });
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      logger.error('the page stayed unresponsive; restarting it', { durationMs: options.unresponsiveGraceMs ?? 30_000 });
      // Ends in render-process-gone, which reloads through the crash-loop guard.
      contents.forcefullyCrashRenderer();
    }, options.unresponsiveGraceMs ?? 30_000);
  });

  contents.on('responsive', () => {
    clearTimeout(hangTimer);
    logger.info('the page is responding again', { state: 'responsive' });
  });

  window.on('closed', () => {
    clearTimeout(reloadTimer);
    clearTimeout(hangTimer);
  });
}
