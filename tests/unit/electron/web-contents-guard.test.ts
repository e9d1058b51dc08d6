import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPagePolicy } from '../../../electron/shell/app-origin.js';
import { setupWebContentsGuard } from '../../../electron/shell/web-contents-guard.js';
import { app, BrowserWindow, resetFakeElectron, type FakeWebContents } from './fake-electron.js';
import { testLogger } from './test-logger.js';
import type { App } from 'electron';

vi.mock('electron', () => import('./fake-electron.js'));

let log: ReturnType<typeof testLogger>;

/** A window opened after the guard is installed, as main does it: the guard reaches it through 'web-contents-created'. */
function guardedContents(development = false): FakeWebContents {
  resetFakeElectron();
  log = testLogger();
  setupWebContentsGuard(app as unknown as App, {
    policy: createPagePolicy(development ? 'http://127.0.0.1:5173/' : null),
    logger: log.logger,
    development,
  });
  app.becomeReady();
  const contents = new BrowserWindow({}).webContents;
  void contents.loadURL(development ? 'http://127.0.0.1:5173/' : 'app://bundle/index.html');
  return contents;
}

describe('a page cannot leave the app', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = guardedContents();
  });

  it('cannot open a new window, and the attempt is logged without its path', () => {
    expect(contents.openWindow('https://evil.example/phish?name=Alex')).toEqual({ action: 'deny' });
    expect(log.entries).toContainEqual(
      expect.objectContaining({ message: 'denied a new window', fields: { url: 'https://evil.example' } }),
    );
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('cannot %s to another origin', (kind) => {
    expect(contents.navigate(kind, 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.navigate(kind, 'app://other/index.html').defaultPrevented).toBe(true);
    expect(log.entries).toContainEqual(expect.objectContaining({ fields: { kind, url: 'https://evil.example' } }));
  });

  it('cannot navigate a subframe elsewhere either', () => {
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/', false).defaultPrevented).toBe(true);
  });

  it('may load its own page again (a session reset)', () => {
    expect(contents.navigate('will-navigate', 'app://bundle/index.html').defaultPrevented).toBe(false);
  });

  it('cannot attach a webview', () => {
    expect(contents.attachWebview('https://evil.example/').defaultPrevented).toBe(true);
  });

  it('swallows blocked shortcuts and lets typing through', () => {
    expect(contents.press({ key: 'r', code: 'KeyR', control: true }).defaultPrevented).toBe(true);
    expect(contents.press({ key: 'F12', code: 'F12' }).defaultPrevented).toBe(true);
    expect(contents.press({ key: 'w', code: 'KeyW', control: true }).defaultPrevented).toBe(true);
    expect(contents.press({ key: 'a', code: 'KeyA' }).defaultPrevented).toBe(false);
    expect(contents.press({ key: 'Enter', code: 'Enter' }).defaultPrevented).toBe(false);
  });

  it('pins pinch zoom to 100% after every load', () => {
    contents.finishLoad();
    expect(contents.visualZoomLimits).toEqual([1, 1]);
  });
});

describe('in development', () => {
  it('lets DevTools keys through and allows navigation within the dev server only', () => {
    const contents = guardedContents(true);
    expect(contents.press({ key: 'F12', code: 'F12' }).defaultPrevented).toBe(false);
    expect(contents.press({ key: 'r', code: 'KeyR', control: true }).defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:5173/').defaultPrevented).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
  });
});
