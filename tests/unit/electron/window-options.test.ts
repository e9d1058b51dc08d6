import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetFakeElectron, type FakeBrowserWindow } from './fake-electron.js';
import { testLogger } from './test-logger.js';
import { createAppWindow, windowOptions } from '../../../electron/shell/window.js';

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

  it('loads the contract preload and stays hidden until its first paint', () => {
    expect(prefs.preload).toBe(production.preloadPath);
    expect(windowOptions(role, production).show).toBe(false);
    expect(windowOptions(role, production).backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('the kiosk window', () => {
  it('fills the screen with no frame, menu or way to resize it', () => {
    const options = windowOptions('kiosk', production);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true, resizable: false });
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
    resetFakeElectron();
    app.becomeReady();
  });

  it('loads the start page and shows the window only once it is ready to show', () => {
    const window = createAppWindow('kiosk', { ...production, startUrl: 'app://bundle/index.html', logger: testLogger().logger });
    const fake = window as unknown as FakeBrowserWindow;
    expect(fake.options.kiosk).toBe(true);
    expect(fake.webContents.loads).toEqual(['app://bundle/index.html']);
    expect(fake.visible).toBe(false);
    fake.readyToShow();
    expect(fake.visible).toBe(true);
  });
});
