import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { callNames } from '../../shared/contract.js';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { repoRoot, smokeSkipReason } from './electron-binary.js';

const skipReason = smokeSkipReason();
const built = ['dist-electron/main.js', 'dist-electron/preload.cjs', 'dist/renderer/index.html'];

type Launched = { app: ElectronApplication; page: Page; userData: string; stderr: string[] };

/**
 * Starts the app in `appDir` as a user does (`electron .` there), as a fresh
 * install (its own user-data folder), with optional extra arguments. Its log
 * (JSON lines on stderr) is collected.
 */
async function launch(args: string[] = [], appDir = repoRoot): Promise<Launched> {
  for (const file of built) {
    if (!existsSync(path.join(appDir, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const userData = await mkdtemp(path.join(tmpdir(), 'lobby-electron-'));
  try {
    // No executablePath: Playwright loads electron/index.js, which smokeSkipReason showed will not download.
    // Playwright drives Electron through --remote-debugging-port, which main refuses unless an unpackaged test run says so.
    const app = await _electron.launch({
      args: ['.', `--user-data-dir=${userData}`, ...args],
      cwd: appDir,
      env: { ...process.env, LOBBY_ALLOW_REMOTE_DEBUGGING: '1' },
    });
    const stderr: string[] = [];
    app.process().stderr?.on('data', (chunk: Buffer) => stderr.push(...chunk.toString('utf8').split('\n')));
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return { app, page, userData, stderr };
  } catch (error) {
    await rm(userData, { recursive: true, force: true });
    throw error;
  }
}

/** A copy of the built app whose preload throws, with the real main, renderer and resources. */
async function appWithBrokenPreload(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-broken-preload-'));
  await mkdir(path.join(dir, 'dist-electron'));
  await copyFile(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  await copyFile(path.join(repoRoot, 'dist-electron', 'main.js'), path.join(dir, 'dist-electron', 'main.js'));
  await writeFile(path.join(dir, 'dist-electron', 'preload.cjs'), "throw new Error('preload broken on purpose by the smoke test');\n");
  await mkdir(path.join(dir, 'dist'));
  await symlink(path.join(repoRoot, 'dist', 'renderer'), path.join(dir, 'dist', 'renderer'));
  await symlink(path.join(repoRoot, 'resources'), path.join(dir, 'resources'));
  return dir;
}

async function close(launched: Launched | undefined): Promise<void> {
  if (!launched) return;
  await launched.app.close();
  await rm(launched.userData, { recursive: true, force: true });
}

test.describe('the kiosk app', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.describe.configure({ mode: 'serial' });

  let kiosk: Launched | undefined;
  test.beforeAll(async () => {
    kiosk = await launch();
  });
  test.afterAll(async () => {
    await close(kiosk);
  });
  const page = () => kiosk!.page;

  test('opens one window on app://bundle/ and draws a screen', async () => {
    expect(kiosk!.app.windows()).toHaveLength(1);
    expect(page().url()).toMatch(/^app:\/\/bundle\//);
    await expect(page().locator('main[data-screen]')).toBeVisible();
  });

  test('shows its window on screen (Wayland may never send ready-to-show)', async () => {
    await expect
      .poll(() => kiosk!.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((win) => win.isVisible())))
      .toEqual([true]);
  });

  test('uses the user-data folder it was given, under the app name Lobby Kiosk', async () => {
    const identity = await kiosk!.app.evaluate(({ app }) => ({ name: app.getName(), userData: app.getPath('userData') }));
    expect(identity).toEqual({ name: 'Lobby Kiosk', userData: kiosk!.userData });
  });

  test('gives the page window.lobby with exactly the contract calls plus on', async () => {
    const api = await page().evaluate(() => {
      const lobby = (window as unknown as { lobby?: Record<string, unknown> }).lobby ?? {};
      return Object.fromEntries(Object.keys(lobby).map((key) => [key, typeof lobby[key]]));
    });
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on'].sort());
    expect(new Set(Object.values(api))).toEqual(new Set(['function']));
  });

  test('gives the page no Node: no require, no process, no module', async () => {
    const globals = await page().evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return { require: typeof scope.require, process: typeof scope.process, module: typeof scope.module, Buffer: typeof scope.Buffer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
  });

  test('answers a call with the core’s bootstrap', async () => {
    const bootstrap = await page().evaluate(() => window.lobby!['app.getBootstrap']({}));
    expect(bootstrap).toMatchObject({ state: 'ready', role: 'kiosk' });
  });

  test('refuses a bad payload with a code and the name of the bad field', async () => {
    const failure = await page().evaluate(() =>
      window.lobby!['app.reportRendererError']({ where: 'Not A Place!', kind: 'TypeError' }).then(
        () => null,
        (error: { code?: unknown; message?: unknown; issues?: unknown }) => ({
          code: error.code,
          message: error.message,
          issues: error.issues,
        }),
      ),
    );
    expect(failure).toMatchObject({ code: 'invalid-input', issues: [expect.objectContaining({ path: 'where' })] });
    expect(String(failure?.message)).toContain('where');
  });

  test('serves app:// with the Content-Security-Policy and nosniff', async () => {
    const headers = await page().evaluate(async () => {
      const response = await fetch('app://bundle/index.html');
      return { csp: response.headers.get('content-security-policy'), nosniff: response.headers.get('x-content-type-options') };
    });
    expect(headers).toEqual({ csp: contentSecurityPolicy, nosniff: 'nosniff' });
  });

  test('runs in kiosk mode, where DevTools will not open and <webview> does not exist', async () => {
    const shell = await kiosk!.app.evaluate(({ BrowserWindow }) => {
      const [win] = BrowserWindow.getAllWindows();
      // With webPreferences.devTools false, openDevTools does nothing.
      win!.webContents.openDevTools({ mode: 'detach' });
      return { kiosk: win!.isKiosk(), devToolsOpened: win!.webContents.isDevToolsOpened() };
    });
    expect(shell).toEqual({ kiosk: true, devToolsOpened: false });
    expect(await page().evaluate(() => customElements.get('webview') === undefined)).toBe(true);
  });

  test('refuses to open another window', async () => {
    const opened = await page().evaluate(() => window.open('https://example.invalid/') === null);
    expect(opened).toBe(true);
    expect(kiosk!.app.windows()).toHaveLength(1);
  });
});

test.describe('the desk app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens an ordinary window, not a kiosk, when configured as a desk', async () => {
    const desk = await launch(['--config', path.join(repoRoot, 'resources', 'config', 'desk.json')]);
    try {
      expect(await desk.page.evaluate(() => window.lobby!['app.getBootstrap']({}))).toMatchObject({ role: 'desk' });
      expect(await desk.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(false);
    } finally {
      await close(desk);
    }
  });
});

test.describe('a preload that fails', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('is logged with its file and error, and the screen sends the person to the front window', async () => {
    const appDir = await appWithBrokenPreload();
    let broken: Launched | undefined;
    try {
      broken = await launch([], appDir);
      await expect.poll(() => broken!.stderr.join('\n')).toContain('the preload failed; reloading');
      expect(broken.stderr.join('\n')).toContain('"file":"preload.cjs"');
      // The page is reloaded after each preload failure: ask again if a reload interrupts the question.
      await expect.poll(() => broken!.page.evaluate(() => 'lobby' in window).catch(() => 'reloading')).toBe(false);
      await expect(broken.page.locator('main[data-screen="out-of-service"][data-reason="connection"]')).toBeVisible();
    } finally {
      await close(broken);
      await rm(appDir, { recursive: true, force: true });
    }
  });
});
