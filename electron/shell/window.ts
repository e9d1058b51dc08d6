import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

export type WindowRole = 'kiosk' | 'desk';

export type WindowSettings = {
  preloadPath: string;
  /** Development mode (`npm run dev`): the only time DevTools may open. */
  development: boolean;
};

/** Painted before the page draws, so a (re)load never flashes black or white on a public screen. */
export const windowBackground = '#f4f5f7';

/**
 * The same locked-down preferences for every window: the page gets no Node,
 * runs sandboxed in its own world, and talks to main only through the preload.
 */
export function secureWebPreferences(settings: WindowSettings): WebPreferences {
  return {
    preload: settings.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: settings.development,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    // A modal alert() on an unattended screen would freeze it for the next person.
    disableDialogs: true,
  };
}

/**
 * How long a hidden window waits for its first paint before it is shown anyway.
 * On Wayland (cage, GNOME) `ready-to-show` may never come (electron/electron#48859).
 */
export const showAnywayAfterMs = 3_000;

/** BrowserWindow options for a role. Pure, so the lockdown is asserted in tests. */
export function windowOptions(role: WindowRole, settings: WindowSettings): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: 'Lobby Kiosk',
    backgroundColor: windowBackground,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(settings),
  };
  if (role === 'kiosk') {
    // Shown at once: backgroundColor already keeps the first frame calm, and a public screen must never stay blank.
    // kiosk is only truly fullscreen on Windows and Linux; shortcuts are blocked separately. Not `resizable: false`:
    // some X11 window managers then refuse to make it fullscreen (electron/electron#31860).
    return { ...common, show: true, kiosk: true, fullscreen: true, frame: false, minimizable: false };
  }
  return {
    ...common,
    show: false,
    // The desk's alert tone must sound for a request that arrives while nobody has touched the screen yet.
    webPreferences: { ...secureWebPreferences(settings), autoplayPolicy: 'no-user-gesture-required' },
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    resizable: true,
  };
}

export type AppWindowOptions = WindowSettings & { startUrl: string };

/**
 * Shows a hidden window on whichever comes first: its first paint
 * (`ready-to-show`), its page loaded (`did-finish-load`), or a timer, since
 * on Wayland neither event is sure to come.
 */
export function showWhenReady(window: BrowserWindow, afterMs: number = showAnywayAfterMs): void {
  const show = () => {
    clearTimeout(timer);
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  const timer = setTimeout(show, afterMs);
  window.once('ready-to-show', show);
  window.webContents.once('did-finish-load', show);
  window.once('closed', () => clearTimeout(timer));
}

/** Opens the window for a role, shows it (at once for a kiosk, see showWhenReady), and loads the app's page. */
export function createAppWindow(role: WindowRole, options: AppWindowOptions): BrowserWindow {
  const window = new BrowserWindow(windowOptions(role, options));
  if (!window.isVisible()) showWhenReady(window);
  window.loadURL(options.startUrl).catch(() => {
    // A failed load also emits did-fail-load, which recovery.ts logs with its reason and recovers from.
  });
  return window;
}
