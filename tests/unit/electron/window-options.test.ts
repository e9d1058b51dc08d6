import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, resetFakeElectron } from './fake-electron.js';
import { createAppWindow, showAnywayAfterMs, windowOptions } from '../../../electron/shell/window.js';

vi.mock('electron', () => import('./fake-electron.js'));

const production = { preloadPath: '/app/dist-electron/preload.cjs', development: false };

describe.each(['kiosk', 'desk'] as const)('the %s window', (role) => {
  const prefs = windowOptions(role, production).webPreferences ?? {};

  it('gives the page no Node and keeps it in its own sandboxed world', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews, insecure content and experiments', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.disableDialogs).toBe(true);
  });

  it('closes DevTools in production and opens them only in development', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions(role, { ...production, development: true }).webPreferences?.devTools).toBe(true);
  });

  it('loads the contract preload and paints its background before the page draws', () => {
    expect(prefs.preload).toBe(production.preloadPath);
    expect(windowOptions(role, production).backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('the kiosk window', () => {
  it('fills the screen with no frame or menu, and leaves resizing to the window manager so it can go fullscreen', () => {
    const options = windowOptions('kiosk', production);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    // resizable: false stops some X11 window managers from making it fullscreen (electron/electron#31860)
    expect(options).not.toHaveProperty('resizable');
  });
});

describe('the desk window', () => {
  it('is an ordinary framed, resizable window, not a kiosk', () => {
    const options = windowOptions('desk', production);
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options.frame).toBeUndefined();
    expect(options.resizable).toBe(true);
  });

  it('may sound its alert before anyone touches it; the public kiosk may not autoplay', () => {
    expect(windowOptions('desk', production).webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
    expect(windowOptions('kiosk', production).webPreferences?.autoplayPolicy).toBeUndefined();
  });
});

describe('opening a window', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetFakeElectron();
    app.becomeReady();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const open = (role: 'kiosk' | 'desk') =>
    createAppWindow(role, { ...production, startUrl: 'app://bundle/index.html' }) as unknown as FakeBrowserWindow;

  it('shows the kiosk window at once, before its page has loaded or painted', () => {
    FakeBrowserWindow.readyToShowFires = false;
    const window = open('kiosk');
    expect(window.options.kiosk).toBe(true);
    expect(window.webContents.loads).toEqual(['app://bundle/index.html']);
    expect(window.visible).toBe(true);
  });

  it('shows the desk window on its first paint where the display announces it', () => {
    const window = open('desk');
    expect(window.visible).toBe(false);
    window.webContents.finishLoad();
    expect(window.visible).toBe(true);
  });

  it('shows the desk window once its page has loaded on Wayland, where ready-to-show never comes', () => {
    FakeBrowserWindow.readyToShowFires = false;
    const window = open('desk');
    expect(window.visible).toBe(false);
    window.webContents.finishLoad();
    expect(window.visible).toBe(true);
  });

  it('shows the desk window after a short wait when neither event comes', () => {
    FakeBrowserWindow.readyToShowFires = false;
    const window = open('desk');
    vi.advanceTimersByTime(showAnywayAfterMs - 1);
    expect(window.visible).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.visible).toBe(true);
  });

  it('does not touch a desk window closed before its timer ran out', () => {
    FakeBrowserWindow.readyToShowFires = false;
    const window = open('desk');
    window.destroy();
    vi.advanceTimersByTime(showAnywayAfterMs);
    expect(window.visible).toBe(false);
  });
});
