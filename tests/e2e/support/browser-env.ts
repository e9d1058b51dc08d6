/**
 * Hands the browser chosen once in global setup to every worker. Workers are
 * started after global setup and inherit its process.env, and each worker
 * evaluates the config again, so the config reads the choice from here.
 */
import type { LaunchOptions } from '@playwright/test';
import type { FoundBrowser } from './find-chromium.js';

export const e2eEnv = {
  executablePath: 'LOBBY_E2E_CHROMIUM_PATH',
  libraryPath: 'LOBBY_E2E_CHROMIUM_LIBS',
  /** The origin of the shared browser host started in global setup. */
  origin: 'LOBBY_E2E_ORIGIN',
  /** The kiosk URL the shared host printed, with this run's token. */
  kioskUrl: 'LOBBY_E2E_KIOSK_URL',
  /** The desk URL the shared host printed, with this run's token. */
  deskUrl: 'LOBBY_E2E_DESK_URL',
  /** A fixed port for the shared host; free port when unset. */
  port: 'LOBBY_E2E_PORT',
} as const;

/**
 * Playwright already passes --no-sandbox (unless chromiumSandbox is set; needed
 * here, where tests run as root), --disable-background-networking,
 * --disable-component-update and --no-first-run. What remained were DNS
 * lookups for accounts.google.com from Debian's Chromium on every launch:
 * resolving no name but loopback ends them, and keeps the browser to
 * loopback as DESIGN.md asks. Never --disable-web-security: it would hide
 * Content-Security-Policy bugs.
 */
const loopbackOnlyFlags = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'];

export function publishBrowser(browser: FoundBrowser): void {
  process.env[e2eEnv.executablePath] = browser.executablePath;
  if (browser.libraryPath) process.env[e2eEnv.libraryPath] = browser.libraryPath;
  else delete process.env[e2eEnv.libraryPath];
}

/** Launch options for the browser chosen in global setup; empty before global setup has run. */
export function launchOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = env[e2eEnv.executablePath];
  if (!executablePath) return {};
  const libraryPath = env[e2eEnv.libraryPath];
  const options: LaunchOptions = { executablePath, args: loopbackOnlyFlags };
  if (libraryPath) {
    const existing = env.LD_LIBRARY_PATH;
    options.env = { ...env, LD_LIBRARY_PATH: existing ? `${libraryPath}:${existing}` : libraryPath };
  }
  return options;
}
