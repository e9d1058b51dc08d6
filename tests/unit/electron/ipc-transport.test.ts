import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { callNames, ipcRoute } from '../../../shared/contract.js';
import type { CallResult } from '../../../shared/call-result.js';
import { resolveConfigPaths } from '../../../electron/core/config/config-paths.js';
import { createCore, type Core } from '../../../electron/core/create-core.js';
import { createPagePolicy } from '../../../electron/shell/app-origin.js';
import { bindIpc } from '../../../electron/shell/ipc-transport.js';
import { app, FakeBrowserWindow, fakeFrame, fakeInvokeEvent, ipcMain, resetFakeElectron, type FakeWebContents } from './fake-electron.js';
import { testLogger } from './test-logger.js';
import { testStorage } from '../support/temp-config.js';

vi.mock('electron', () => import('./fake-electron.js'));

const resourcesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources');

let tempDir: string;
let core: Core;
let window: FakeBrowserWindow;
let log: ReturnType<typeof testLogger>;
let unbind: () => void;

beforeEach(async () => {
  resetFakeElectron();
  app.becomeReady();
  log = testLogger();
  // A device config of our own, so a test can edit it and watch the change reach the page.
  tempDir = await mkdtemp(path.join(tmpdir(), 'lobby-ipc-'));
  const deviceConfig = path.join(tempDir, 'kiosk.json');
  await copyFile(path.join(resourcesDir, 'config', 'kiosk.json'), deviceConfig);
  const paths = { ...resolveConfigPaths({ argv: [], env: {}, resourcesDir }), deviceConfig };
  core = await createCore({ paths, logger: log.logger, watchIntervalMs: false, ...testStorage(tempDir) });
  window = new FakeBrowserWindow({});
  await window.webContents.loadFully('app://bundle/index.html');
  unbind = bindIpc({
    core,
    policy: createPagePolicy(null),
    logger: log.logger,
    targets: () => FakeBrowserWindow.getAllWindows().map((w) => w.webContents as unknown as WebContents),
  });
});

afterEach(async () => {
  unbind();
  await core.close();
  await rm(tempDir, { recursive: true, force: true });
});

/** A call as the renderer makes it, from a frame at `frameUrl`. */
function callFrom(contents: FakeWebContents, frame: ReturnType<typeof fakeFrame> | null, name: string, payload: unknown) {
  return ipcMain.invoke(`lobby:call:${name}`, fakeInvokeEvent(contents, frame), payload) as Promise<CallResult<unknown>>;
}

describe('IPC derived from the contract', () => {
  it('registers a handler for every call in the contract, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(callNames.map((name) => ipcRoute.call(name)).sort());
  });

  it("answers the app's own page", async () => {
    const result = await callFrom(window.webContents, fakeFrame('app://bundle/index.html'), 'app.getBootstrap', {});
    expect(result).toEqual({ ok: true, value: core.bootstrap() });
  });

  it('removes every handler when unbound', () => {
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    unbind = () => {};
  });
});

describe('only the app page may call main', () => {
  it.each([
    ['a page from another origin', fakeFrame('https://evil.example/')],
    ['a file:// page', fakeFrame('file:///tmp/evil.html')],
    ['another app:// host', fakeFrame('app://evil/index.html')],
    ['an iframe inside the app page', fakeFrame('app://bundle/frame.html', fakeFrame('app://bundle/index.html'))],
    ['a frame that has navigated away or gone', null],
  ])('%s cannot call main', async (_who, frame) => {
    const result = await callFrom(window.webContents, frame, 'app.reportRendererError', { where: 'kiosk.home', kind: 'TypeError' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden-sender' }) });
    expect(log.entries).toContainEqual(expect.objectContaining({ message: 'refused a call from a foreign sender' }));
    expect(log.entries).not.toContainEqual(expect.objectContaining({ message: 'renderer error' }));
  });
});

describe('payloads are validated', () => {
  it('refuses a bad payload and names the bad field', async () => {
    const result = await callFrom(window.webContents, fakeFrame('app://bundle/index.html'), 'app.reportRendererError', {
      where: 'Not A Place!',
      kind: 'TypeError',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['where']);
    expect(result.error.message).toContain('where');
  });

  it('refuses unknown fields', async () => {
    const result = await callFrom(window.webContents, fakeFrame('app://bundle/index.html'), 'app.getBootstrap', { admin: true });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });

  it('passes a good payload to the core', async () => {
    const result = await callFrom(window.webContents, fakeFrame('app://bundle/index.html'), 'app.reportRendererError', {
      where: 'kiosk.home',
      kind: 'TypeError',
    });
    expect(result).toEqual({ ok: true, value: { recorded: true } });
    expect(log.entries).toContainEqual(
      expect.objectContaining({ message: 'renderer error', fields: { where: 'kiosk.home', kind: 'TypeError' } }),
    );
  });
});

describe("the core's events reach the window", () => {
  async function changeKioskLocation() {
    const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'config', 'kiosk.json'), 'utf8')) as { kiosk: object };
    await writeFile(path.join(tempDir, 'kiosk.json'), JSON.stringify({ ...shipped, kiosk: { id: 'K1', location: 'North lobby' } }));
    await core.reload();
  }

  /** The preload's signal that the page has its listeners in place. */
  const sayReady = (contents: FakeWebContents, frame: ReturnType<typeof fakeFrame> | null = contents.mainFrame) =>
    ipcMain.emit(ipcRoute.rendererReady, fakeInvokeEvent(contents, frame));

  it('forwards bootstrapChanged to the app window once its page is ready', async () => {
    sayReady(window.webContents);
    await changeKioskLocation();
    expect(window.webContents.sent).toEqual([{ channel: ipcRoute.event('app.bootstrapChanged'), args: [core.bootstrap()] }]);
    expect(core.bootstrap()).toMatchObject({ placeName: 'North lobby' });
  });

  it('holds the events of a page that is not ready yet, and sends them, in order, when it says it is', async () => {
    await changeKioskLocation();
    expect(window.webContents.sent, 'nothing before the page is ready').toEqual([]);
    sayReady(window.webContents);
    expect(window.webContents.sent).toEqual([{ channel: ipcRoute.event('app.bootstrapChanged'), args: [core.bootstrap()] }]);
  });

  it('holds events again while the page loads anew (a reload), until the new page says it is ready', async () => {
    sayReady(window.webContents);
    window.webContents.navigate('did-start-navigation', 'app://bundle/index.html');
    await changeKioskLocation();
    expect(window.webContents.sent).toEqual([]);
    sayReady(window.webContents);
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('ignores a ready signal from a subframe or a foreign page', async () => {
    sayReady(window.webContents, fakeFrame('app://bundle/index.html', window.webContents.mainFrame));
    sayReady(window.webContents, fakeFrame('https://evil.example/'));
    await changeKioskLocation();
    expect(window.webContents.sent).toEqual([]);
  });

  it('skips a window that is closing and a page that is not the app', async () => {
    const foreign = new FakeBrowserWindow({});
    await foreign.webContents.loadFully('https://evil.example/');
    window.destroy();
    await changeKioskLocation();
    expect(foreign.webContents.sent).toEqual([]);
  });

  it('stops forwarding once unbound', async () => {
    sayReady(window.webContents);
    unbind();
    unbind = () => {};
    await changeKioskLocation();
    expect(window.webContents.sent).toEqual([]);
  });
});
