import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { keepWindowOpen } from '../../../electron/shell/keep-window-open.js';
import { createCrashLoopGuard, defaultCrashPolicy, watchRenderer } from '../../../electron/shell/recovery.js';
import { app, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fake-electron.js';
import { testLogger } from './test-logger.js';

vi.mock('electron', () => import('./fake-electron.js'));

const startUrl = 'app://bundle/index.html';
const asElectron = (window: FakeBrowserWindow) => window as unknown as BrowserWindow;

describe('the crash-loop guard', () => {
  it('reloads at once for the first few crashes, then backs off, doubling up to a cap, and never gives up', () => {
    let now = 0;
    const guard = createCrashLoopGuard(defaultCrashPolicy, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      now += 100; // the page dies right after every reload
      const delay = guard.crashed();
      delays.push(delay);
      now += delay;
      guard.reloading();
    }
    expect(delays).toEqual([0, 0, 0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('starts counting again once a reloaded page stays up for a minute', () => {
    let now = 0;
    const guard = createCrashLoopGuard(defaultCrashPolicy, () => now);
    for (let i = 0; i < 4; i += 1) guard.crashed();
    guard.reloading();
    now += defaultCrashPolicy.stableAfterMs;
    expect(guard.crashed()).toBe(0);
  });
});

describe('a renderer that dies or hangs is brought back', () => {
  let window: FakeBrowserWindow;
  let log: ReturnType<typeof testLogger>;

  beforeEach(() => {
    vi.useFakeTimers();
    resetFakeElectron();
    app.becomeReady();
    log = testLogger();
    window = new FakeBrowserWindow({});
    // Each reload aborts the load before it, which rejects that load's promise, as in Electron.
    window.loadURL(startUrl).catch(() => undefined);
    watchRenderer(asElectron(window), { startUrl, logger: log.logger, unresponsiveGraceMs: 30_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads the start page when the renderer crashes, and logs why', () => {
    window.webContents.crash('oom');
    expect(window.webContents.loads).toEqual([startUrl, startUrl]);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ reason: 'oom' }) }));
  });

  it('waits before reloading a page that keeps crashing, then reloads it', () => {
    for (let i = 0; i < 4; i += 1) window.webContents.crash();
    expect(window.webContents.loads).toHaveLength(1 + 3);
    vi.advanceTimersByTime(4_999);
    expect(window.webContents.loads).toHaveLength(1 + 3);
    vi.advanceTimersByTime(1);
    expect(window.webContents.loads).toHaveLength(1 + 4);
  });

  it('kills and reloads a page that stays unresponsive past the grace period', () => {
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(29_999);
    expect(window.webContents.loads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(window.webContents.loads).toEqual([startUrl, startUrl]);
  });

  it('leaves a page alone that becomes responsive again in time', () => {
    window.webContents.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    window.webContents.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.loads).toHaveLength(1);
  });

  it('reloads, with the reason in the log, when the app page fails to load', () => {
    window.webContents.failLoad(-6, 'ERR_FILE_NOT_FOUND');
    expect(window.webContents.loads).toEqual([startUrl, startUrl]);
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('failed to load'),
        fields: expect.objectContaining({ code: 'ERR_FILE_NOT_FOUND', exitCode: -6 }),
      }),
    );
  });

  it('backs off on a page that keeps failing to load, as on a crash', () => {
    for (let i = 0; i < 4; i += 1) window.webContents.failLoad();
    expect(window.webContents.loads).toHaveLength(1 + 3);
    vi.advanceTimersByTime(5_000);
    expect(window.webContents.loads).toHaveLength(1 + 4);
  });

  it('does not treat a load replaced by its own reload (ERR_ABORTED) as a failure', () => {
    window.webContents.crash();
    window.webContents.crash();
    // each reload aborted the load before it: still one reload per crash, and no load failure logged
    expect(window.webContents.loads).toHaveLength(1 + 2);
    expect(log.entries.filter((e) => e.message.includes('failed to load'))).toEqual([]);
  });

  it('ignores a subframe that fails to load', () => {
    window.webContents.emit('did-fail-load', fakeEvent({}), -105, 'ERR_NAME_NOT_RESOLVED', 'https://example.invalid/', false, 1, 2);
    expect(window.webContents.loads).toHaveLength(1);
  });

  it('logs a preload that fails, with the file and error class, and reloads', () => {
    window.webContents.failPreload('/app/dist-electron/preload.cjs', new SyntaxError('Unexpected token'));
    expect(log.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('preload failed'),
        fields: expect.objectContaining({ file: 'preload.cjs', kind: 'SyntaxError', reason: 'Unexpected token' }),
      }),
    );
    expect(window.webContents.loads).toEqual([startUrl, startUrl]);
  });

  it('does not reload a window that has been closed', () => {
    for (let i = 0; i < 4; i += 1) window.webContents.crash();
    window.destroy();
    vi.advanceTimersByTime(defaultCrashPolicy.maxBackoffMs);
    expect(window.webContents.loads).toHaveLength(1 + 3);
  });
});

describe('a kiosk window that closes is opened again', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetFakeElectron();
    app.becomeReady();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reopens after an unexpected close', () => {
    let quitting = false;
    const log = testLogger();
    const kiosk = keepWindowOpen(() => asElectron(new FakeBrowserWindow({})), {
      isQuitting: () => quitting,
      logger: log.logger,
      reopenDelayMs: 1_000,
    });
    const first = kiosk.current();
    first.close();
    vi.advanceTimersByTime(1_000);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(kiosk.current()).not.toBe(first);
    // and again, for the window that replaced it
    kiosk.current().close();
    vi.advanceTimersByTime(1_000);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    const unexpectedCloses = () => log.entries.filter((e) => e.message.includes('closed unexpectedly')).length;
    expect(unexpectedCloses()).toBe(2);
    quitting = true;
    kiosk.current().close();
    vi.advanceTimersByTime(10_000);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    // closing on the way out is expected, not something to alarm whoever reads the log
    expect(unexpectedCloses()).toBe(2);
  });
});
