/**
 * The Electron entry, kept to a table of contents: each step is one small
 * module in electron/shell/, and everything the app *does* is in the core.
 */
import path from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import { defaultFiles, resolveConfigPaths } from './core/config/config-paths.js';
import { createCore, type Core } from './core/create-core.js';
import { createLogger, stderrSink } from './core/logger.js';
import { setupAppIdentity } from './shell/app-identity.js';
import { checkCommandLine } from './shell/command-line-check.js';
import { createPagePolicy, startUrlFor } from './shell/app-origin.js';
import { resolveAppLayout } from './shell/app-layout.js';
import { handleAppProtocol, registerAppScheme } from './shell/app-protocol.js';
import { electronPlatform } from './shell/electron-platform.js';
import { resolveKeyProtection } from './shell/key-protection.js';
import { bindIpc } from './shell/ipc-transport.js';
import { keepDisplayAwake } from './shell/keep-awake.js';
import { enableReadAloud } from './shell/read-aloud-switch.js';
import { logUncaughtErrors } from './shell/process-errors.js';
import { setupQuit } from './shell/quit-cap.js';
import { keepWindowOpen } from './shell/keep-window-open.js';
import { watchRenderer } from './shell/recovery.js';
import { hardenSession, isOwnReportDownload } from './shell/session-guard.js';
import { takeSingleInstanceLock } from './shell/single-instance.js';
import { setupWebContentsGuard } from './shell/web-contents-guard.js';
import { createAppWindow, type WindowRole } from './shell/window.js';

export type RunningApp = { core: Core; role: WindowRole; currentWindow(): BrowserWindow | null };

const logger = createLogger('main', stderrSink);

async function main(): Promise<RunningApp | null> {
  // Before anything: a switch like --remote-debugging-port must not get a window to attach to.
  const commandLine = checkCommandLine(process.argv.slice(1), { isPackaged: app.isPackaged, env: process.env });
  if (!commandLine.ok) {
    logger.error(commandLine.message);
    app.exit(1);
    return null;
  }
  logUncaughtErrors(logger);
  // First: the name decides the user-data folder, where the single-instance lock lives.
  setupAppIdentity(app);
  const layout = resolveAppLayout({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    env: process.env,
  });
  const development = layout.devServerUrl !== null;
  const policy = createPagePolicy(layout.devServerUrl);

  // Before ready: one copy only; app:// privileged; every renderer sandboxed; speech on Linux; every webContents guarded.
  let currentWindow: () => BrowserWindow | null = () => null;
  if (!takeSingleInstanceLock(app, () => currentWindow())) {
    app.quit();
    return null;
  }
  registerAppScheme();
  app.enableSandbox();
  enableReadAloud(app);
  setupWebContentsGuard(app, { policy, logger: logger.child('guard'), development });

  await app.whenReady();
  Menu.setApplicationMenu(null);
  // The role is known once the core has read the config; until then no download qualifies.
  let deskWindow = false;
  hardenSession(session.defaultSession, logger.child('session'), {
    mayDownload: (item) => deskWindow && isOwnReportDownload(item, policy.startUrl),
  });
  handleAppProtocol(layout.rendererDir, logger.child('protocol'));

  const paths = resolveConfigPaths(
    { argv: process.argv, env: process.env, resourcesDir: layout.resourcesDir, userDir: app.getPath('userData') },
    defaultFiles.kioskConfig,
  );
  const dataDir = path.join(app.getPath('userData'), 'data');
  // Keys at rest (issue 10/14): the keyring is asked asynchronously and never waited on beyond a short grace.
  const keys = await resolveKeyProtection({ dataDir: app.getPath('userData'), logger: logger.child('keys'), env: process.env });
  const core = await createCore({ paths, logger, dataDir, platform: electronPlatform(dataDir, logger.child('platform'), keys.cipher) });
  const unbindIpc = bindIpc({
    core,
    policy,
    logger: logger.child('ipc'),
    targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  setupQuit(app, {
    logger,
    cleanup: () => {
      unbindIpc();
      void core.close();
    },
  });

  // An unreadable configuration has role 'unknown': a kiosk window shows the out-of-service screen.
  const role: WindowRole = core.bootstrap().role === 'desk' ? 'desk' : 'kiosk';
  deskWindow = role === 'desk';
  // The address says the role (#kiosk, #desk), so the page preloads its role's code before the bootstrap answers;
  // a reload after a crash loads the same address.
  const startUrl = startUrlFor(policy.startUrl, role);
  const openWindow = () => {
    const window = createAppWindow(role, { preloadPath: layout.preloadPath, development, startUrl });
    watchRenderer(window, { startUrl, logger: logger.child('recovery') });
    return window;
  };

  if (role === 'kiosk') {
    keepDisplayAwake();
    const kiosk = keepWindowOpen(openWindow, { isQuitting: () => quitting, logger: logger.child('recovery') });
    currentWindow = () => kiosk.current();
  } else {
    const desk = openWindow();
    currentWindow = () => (desk.isDestroyed() ? null : desk);
  }
  // A kiosk reopens its window instead (recovery.ts); anything else closing its last window means quit.
  app.on('window-all-closed', () => {
    if (role === 'desk' || quitting) app.quit();
  });

  return { core, role, currentWindow: () => currentWindow() };
}

/** The started app, for tests; null in a second instance that quit. */
export const running = main().catch((error: unknown) => {
  logger.error('the app could not start', { error: error instanceof Error ? error : 'non-error' });
  // Exit non-zero so the service manager starts it again rather than leaving a blank screen.
  app.exit(1);
  return null;
});
