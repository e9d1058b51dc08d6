import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appStartUrl, createPagePolicy, startUrlFor, urlForLog } from '../../../electron/shell/app-origin.js';
import { resolveAppLayout } from '../../../electron/shell/app-layout.js';

describe("the app's own pages", () => {
  const production = createPagePolicy(null);

  it.each(['app://bundle/index.html', 'app://bundle/', 'app://bundle/assets/index-abc.js'])('%s is the app', (url) => {
    expect(production.isAppPage(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'app://other/index.html',
    'app://bundle.evil.example/index.html',
    'file:///etc/passwd',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('%s is not the app in production', (url) => {
    expect(production.isAppPage(url)).toBe(false);
  });

  it('starts at app://bundle/index.html in production', () => {
    expect(production.startUrl).toBe(appStartUrl);
    expect(appStartUrl).toBe('app://bundle/index.html');
  });

  it('in development also trusts the dev server origin, and only that origin', () => {
    const dev = createPagePolicy('http://127.0.0.1:5173/');
    expect(dev.startUrl).toBe('http://127.0.0.1:5173/');
    expect(dev.isAppPage('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppPage('http://127.0.0.1:5174/')).toBe(false);
    expect(dev.isAppPage('http://localhost:5173/')).toBe(false);
    expect(dev.isAppPage('https://evil.example/')).toBe(false);
  });

  it("a window's start address says its role, and stays the app's own page", () => {
    expect(startUrlFor(appStartUrl, 'kiosk')).toBe('app://bundle/index.html#kiosk');
    expect(startUrlFor(appStartUrl, 'desk')).toBe('app://bundle/index.html#desk');
    expect(startUrlFor('http://127.0.0.1:5173/', 'desk')).toBe('http://127.0.0.1:5173/#desk');
    // A hash already there is replaced, never doubled.
    expect(startUrlFor(`${appStartUrl}#desk`, 'kiosk')).toBe('app://bundle/index.html#kiosk');
    expect(production.isAppPage(startUrlFor(appStartUrl, 'kiosk'))).toBe(true);
  });

  it('logs a URL as scheme and host only, never its path or query', () => {
    expect(urlForLog('https://evil.example/steal?name=Alex')).toBe('https://evil.example');
    expect(urlForLog('app://bundle/index.html#/request?name=Alex')).toBe('app://bundle');
    expect(urlForLog('data:text/html,hello')).toBe('data:');
    expect(urlForLog('%%%')).toBe('unparseable-url');
  });
});

describe('where the app finds its files', () => {
  const appPath = '/opt/lobby/resources/app.asar';

  it('serves the renderer from dist/renderer and the built preload from dist-electron/', () => {
    const layout = resolveAppLayout({ appPath, isPackaged: true, resourcesPath: '/opt/lobby/resources', env: {} });
    expect(layout.rendererDir).toBe(path.join(appPath, 'dist', 'renderer'));
    expect(layout.preloadPath).toBe(path.join(appPath, 'dist-electron', 'preload.cjs'));
  });

  it('reads resources from extraResources when packaged and from the checkout otherwise', () => {
    expect(resolveAppLayout({ appPath, isPackaged: true, resourcesPath: '/opt/lobby/resources', env: {} }).resourcesDir).toBe(
      path.join('/opt/lobby/resources', 'resources'),
    );
    expect(resolveAppLayout({ appPath: '/src/lobby', isPackaged: false, resourcesPath: undefined, env: {} }).resourcesDir).toBe(
      path.join('/src/lobby', 'resources'),
    );
  });

  it('uses the dev server only when unpackaged and only on loopback', () => {
    const dev = (isPackaged: boolean, url: string) =>
      resolveAppLayout({ appPath, isPackaged, resourcesPath: '/r', env: { VITE_DEV_SERVER_URL: url } }).devServerUrl;
    expect(dev(false, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
    expect(dev(false, 'http://localhost:5173')).toBe('http://localhost:5173/');
    expect(dev(true, 'http://127.0.0.1:5173/')).toBeNull();
    expect(dev(false, 'http://192.168.1.20:5173/')).toBeNull();
    expect(dev(false, 'https://evil.example/')).toBeNull();
    expect(dev(false, 'file:///tmp/index.html')).toBeNull();
  });
});
