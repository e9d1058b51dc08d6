import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcRoute } from '../../../shared/contract.js';
import type { RunningApp } from '../../../electron/main.js';
import type * as FakeElectron from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));
// The first start transforms main and the whole core; on a loaded machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 });

type Fake = typeof FakeElectron;
type StartOptions = { args?: string[]; lock?: boolean; env?: Record<string, string>; resourcesPath?: string; packaged?: boolean };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const builtPreload = path.join(repoRoot, 'dist-electron', 'preload.cjs');
const processEvents = ['SIGTERM', 'SIGINT', 'uncaughtException', 'unhandledRejection'] as const;
type ProcessEvent = (typeof processEvents)[number];
/** process.listeners() has one overload per event kind; this asks the plain EventEmitter. */
const listenersOf = (event: ProcessEvent) => (process as NodeJS.EventEmitter).listeners(event);

let userData: string;
let fake: Fake;
let running: RunningApp | null = null;
let listenersBefore: Map<string, unknown[]>;
let stderrLines: string[];
const argvBefore = process.argv;

/**
 * Loads main.ts afresh against a reset fake Electron; main runs up to `await app.whenReady()`.
 * The fake is taken from 'electron' itself, so it is always the instance main sees
 * (Vitest keeps a mock factory's result across resetModules).
 */
async function start(options: StartOptions = {}): Promise<{ running: Promise<RunningApp | null> }> {
  vi.resetModules();
  fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  fake.app.lockAvailable = options.lock ?? true;
  fake.app.isPackaged = options.packaged ?? false;
  fake.app.paths.userData = userData;
  // Started as a user does: `electron .` from the repo root, so the app path is the checkout.
  fake.app.appPath = repoRoot;
  process.argv = ['/usr/bin/electron', '.', ...(options.args ?? [])];
  vi.stubEnv('VITE_DEV_SERVER_URL', options.env?.VITE_DEV_SERVER_URL ?? '');
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  Object.assign(process, { resourcesPath: options.resourcesPath });
  const main = await import('../../../electron/main.js');
  // Wrapped: an async function returning the bare promise would wait for it.
  return { running: main.running };
}

async function startReady(options: StartOptions = {}): Promise<RunningApp> {
  const started = await start(options);
  fake.app.becomeReady();
  running = await started.running;
  if (!running) throw new Error('main did not start');
  return running;
}

/** The listener main added to `process` for an event (main's, not the test runner's). */
function addedListener(event: ProcessEvent): (...args: unknown[]) => void {
  const added = listenersOf(event).filter((l) => !listenersBefore.get(event)?.includes(l));
  expect(added).toHaveLength(1);
  return added[0] as (...args: unknown[]) => void;
}

/** The shipped desk config with its receiver on a port the system picks, so no test binds the shipped 4790. */
async function deskConfig(): Promise<string> {
  const shipped = JSON.parse(await readFile(path.join(repoRoot, 'resources', 'config', 'desk.json'), 'utf8')) as { receiver: object };
  const file = path.join(userData, 'desk.json');
  await writeFile(file, JSON.stringify({ ...shipped, receiver: { ...shipped.receiver, port: 0 } }));
  return file;
}

const onlyWindow = () => {
  const windows = fake.FakeBrowserWindow.getAllWindows();
  expect(windows).toHaveLength(1);
  return windows[0]!;
};

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'lobby-userdata-'));
  listenersBefore = new Map(processEvents.map((e) => [e, [...listenersOf(e)]]));
  stderrLines = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderrLines.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  await running?.core.close();
  running = null;
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.argv = argvBefore;
  Object.assign(process, { resourcesPath: undefined });
  for (const event of processEvents) {
    for (const listener of listenersOf(event)) {
      if (!listenersBefore.get(event)?.includes(listener)) (process as NodeJS.EventEmitter).removeListener(event, listener as () => void);
    }
  }
  await rm(userData, { recursive: true, force: true });
});

describe('the command line', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-port', '9222'],
    ['--remote-debugging-pipe'],
    ['--remote-debugging-pipe=1'],
    ['-remote-debugging-port=9222'],
    ['--Remote-Debugging-Port=9222'],
  ])('refuses to start with %s: one clear log line, exit code 1, nothing opened', async (...args) => {
    const started = await start({ args });
    expect(await started.running).toBeNull();
    expect(fake.app.exitCode).toBe(1);
    expect(stderrLines.join('')).toMatch(/refusing to start: --remote-debugging-(port|pipe) lets any program/);
    fake.app.becomeReady();
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.nameAtLock).toBeUndefined();
  });

  it('refuses remote debugging in the installed app even when the test switch is set', async () => {
    const started = await start({ args: ['--remote-debugging-port=0'], packaged: true, env: { LOBBY_ALLOW_REMOTE_DEBUGGING: '1' } });
    expect(await started.running).toBeNull();
    expect(fake.app.exitCode).toBe(1);
  });

  it('refuses an unknown flag and names the flags it knows', async () => {
    const started = await start({ args: ['--confg', 'desk.json'] });
    expect(await started.running).toBeNull();
    expect(fake.app.exitCode).toBe(1);
    expect(stderrLines.join('')).toContain("Unknown option '--confg'");
    expect(stderrLines.join('')).toContain('--config=VALUE');
  });

  it('starts with the Chromium switches the docs and smoke tests use', async () => {
    await startReady({ args: ['--no-sandbox', `--user-data-dir=${userData}`, '--ozone-platform-hint=auto'] });
    expect(fake.app.exitCode).toBeUndefined();
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });
});

describe('starting', () => {
  it('a second copy quits at once and opens nothing', async () => {
    const started = await start({ lock: false });
    expect(fake.app.quitRequests).toBe(1);
    expect(await started.running).toBeNull();
    fake.app.becomeReady();
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('before ready: makes app:// privileged and sandboxes every renderer, and opens nothing yet', async () => {
    await start();
    expect(fake.protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('when ready: removes the menu, hardens the session, serves app://, binds IPC and opens the kiosk window', async () => {
    const app = await startReady();
    expect(fake.Menu.applicationMenu).toBeNull();
    expect(fake.session.defaultSession.handlers.permissionRequest).toBeTypeOf('function');
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(callNames.map((n) => ipcRoute.call(n)).sort());
    expect(app.role).toBe('kiosk');
    const window = onlyWindow();
    expect(window.options).toMatchObject({
      kiosk: true,
      frame: false,
      webPreferences: { sandbox: true, contextIsolation: true, devTools: false },
    });
    expect(window.options.webPreferences?.preload).toBe(builtPreload);
    // The address says the role, so the page's first script preloads the kiosk's chunk before the bootstrap answers.
    expect(window.webContents.loads).toEqual(['app://bundle/index.html#kiosk']);
  });

  it.skipIf(!existsSync(path.join(repoRoot, 'dist-electron')))(
    'gives the window the preload the build writes (dist-electron/preload.cjs)',
    async () => {
      await startReady();
      const preload = onlyWindow().options.webPreferences?.preload ?? '';
      expect(existsSync(preload)).toBe(true);
    },
  );

  it('names itself Lobby Kiosk before taking the single-instance lock, so npm start and the installed app share one user-data folder', async () => {
    await start();
    expect(fake.app.name).toBe('Lobby Kiosk');
    expect(fake.app.nameAtLock).toBe('Lobby Kiosk');
  });

  it('turns on speech-dispatcher before ready on Linux, so read-aloud finds voices', async () => {
    await start();
    const expected = process.platform === 'linux';
    expect(fake.app.commandLine.hasSwitch('enable-speech-dispatcher')).toBe(expected);
  });

  it('guards the window it opens', async () => {
    await startReady();
    const contents = onlyWindow().webContents;
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
  });

  it("answers the window's page over IPC with the core's bootstrap", async () => {
    const app = await startReady();
    const contents = onlyWindow().webContents;
    const result = await fake.ipcMain.invoke(ipcRoute.call('app.getBootstrap'), fake.fakeInvokeEvent(contents, contents.mainFrame), {});
    expect(result).toEqual({ ok: true, value: app.core.bootstrap() });
    expect(app.core.bootstrap()).toMatchObject({ state: 'ready', role: 'kiosk' });
  });

  it("empties the clipboard (and Linux's selection) when the kiosk page says its session ended", async () => {
    await startReady();
    await fake.clipboard.writeText('Rosalind, 555-0100');
    await fake.clipboard.selection?.writeText('Rosalind');
    const contents = onlyWindow().webContents;
    const result = await fake.ipcMain.invoke(ipcRoute.call('kiosk.sessionEnded'), fake.fakeInvokeEvent(contents, contents.mainFrame), {});
    expect(result).toEqual({ ok: true, value: { forgotten: true } });
    expect(await fake.clipboard.readText()).toBe('');
    expect(await fake.clipboard.selection?.readText()).toBe(fake.clipboard.selection ? '' : undefined);
  });

  it('opens the desk window when the device config says desk', async () => {
    const app = await startReady({ args: ['--config', await deskConfig()] });
    expect(app.role).toBe('desk');
    const window = onlyWindow();
    expect(window.options.kiosk).toBeUndefined();
    expect(window.options.resizable).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window.webContents.loads).toEqual(['app://bundle/index.html#desk']);
  });

  it('reloads a crashed page at the same address, role included', async () => {
    await startReady({ args: ['--config', await deskConfig()] });
    const contents = onlyWindow().webContents;
    contents.crash('oom');
    expect(contents.loads).toEqual(['app://bundle/index.html#desk', 'app://bundle/index.html#desk']);
  });

  it("still lets the desk window's own CSV report download from a page whose address says its role", async () => {
    await startReady({ args: ['--config', await deskConfig()] });
    expect(onlyWindow().webContents.loads[0]).toMatch(/#desk$/);
    const report = fake.session.defaultSession.download('blob:app://bundle/2f1c0e5a-1b7e-4d7e-9a51-0c7f2c2a9c11', 'report.csv');
    expect(report.item.cancelled).toBe(false);
    const foreign = fake.session.defaultSession.download('blob:https://evil.example/2f1c', 'report.csv');
    expect(foreign.item.cancelled).toBe(true);
  });

  it('keeps the desk store in electron-store under userData, with no IPC listener of its own left answering pages', async () => {
    await startReady({ args: ['--config', await deskConfig()] });
    const files = await readdir(path.join(userData, 'data'));
    expect(files.some((file) => file.endsWith('.json'))).toBe(true);
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);
  });

  it('opens a kiosk window for the out-of-service screen when the configuration cannot be read', async () => {
    const app = await startReady({ args: ['--config', path.join(userData, 'missing.json')] });
    expect(app.core.bootstrap()).toMatchObject({ state: 'out-of-service', role: 'unknown' });
    expect(onlyWindow().options.kiosk).toBe(true);
    expect(stderrLines.join('')).toContain('configuration is invalid');
  });

  it('reads the shipped resources from extraResources when packaged', async () => {
    const resourcesPath = await mkdtemp(path.join(tmpdir(), 'lobby-resources-'));
    await symlink(path.join(repoRoot, 'resources'), path.join(resourcesPath, 'resources'));
    try {
      const app = await startReady({ packaged: true, resourcesPath, env: { VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' } });
      expect(app.core.bootstrap()).toMatchObject({ state: 'ready', role: 'kiosk' });
      // packaged means production, whatever the environment says
      expect(onlyWindow().webContents.loads).toEqual(['app://bundle/index.html#kiosk']);
    } finally {
      await rm(resourcesPath, { recursive: true, force: true });
    }
  });

  it('in development loads the dev server and allows DevTools', async () => {
    await startReady({ env: { VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' } });
    const window = onlyWindow();
    expect(window.webContents.loads).toEqual(['http://127.0.0.1:5173/#kiosk']);
    expect(window.options.webPreferences?.devTools).toBe(true);
  });
});

describe('running', () => {
  it('a second launch brings the existing window forward', async () => {
    await startReady();
    const window = onlyWindow();
    window.minimized = true;
    fake.app.emit('second-instance', fake.fakeEvent({}), [], '/', {});
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focusCount).toBe(1);
  });

  it('a kiosk whose window closes opens it again instead of quitting', async () => {
    await startReady();
    vi.useFakeTimers();
    onlyWindow().close();
    expect(fake.app.quitRequests).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(onlyWindow().options.kiosk).toBe(true);
    expect(fake.app.quitRequests).toBe(0);
  });

  it('a kiosk keeps its display awake; a desk leaves power settings alone', async () => {
    await startReady();
    expect([...fake.powerSaveBlocker.active.values()]).toEqual(['prevent-display-sleep']);
    await running?.core.close();
    await startReady({ args: ['--config', await deskConfig()] });
    expect(fake.powerSaveBlocker.active.size).toBe(0);
  });

  it('a desk quits when its window closes', async () => {
    await startReady({ args: ['--config', await deskConfig()] });
    onlyWindow().close();
    expect(fake.app.quitRequests).toBe(1);
  });
});

describe('quitting', () => {
  it('releases IPC and stops, and exits anyway if quitting takes more than five seconds', async () => {
    await startReady();
    vi.useFakeTimers();
    fake.app.quit();
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    vi.advanceTimersByTime(4_999);
    expect(fake.app.exitCode).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(fake.app.exitCode).toBe(0);
  });

  it('a kiosk closed by quitting stays closed', async () => {
    await startReady();
    vi.useFakeTimers();
    fake.app.quit();
    vi.advanceTimersByTime(60_000);
    expect(fake.FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('SIGTERM from a service manager quits the app', async () => {
    await startReady();
    addedListener('SIGTERM')();
    expect(fake.app.quitRequests).toBe(1);
  });

  it('an uncaught error in main is logged instead of shown in a dialog', async () => {
    await startReady();
    addedListener('uncaughtException')(new TypeError('boom'));
    expect(stderrLines.join('')).toContain('uncaught exception in main');
  });
});
