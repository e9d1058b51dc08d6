import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronNotifier, electronPlatform, electronStores } from '../../../electron/shell/electron-platform.js';
import type * as FakeElectron from './fake-electron.js';
import { testLogger } from './test-logger.js';

vi.mock('electron', () => import('./fake-electron.js'));

// The instance electron-platform.ts (and electron-store) see.
const fake = (await import('electron')) as unknown as typeof FakeElectron;
const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;
const playPlatform = (platform: NodeJS.Platform) => Object.defineProperty(process, 'platform', { ...realPlatform, value: platform });

let dataDir: string;

beforeEach(async () => {
  fake.resetFakeElectron();
  dataDir = await mkdtemp(path.join(tmpdir(), 'lobby-electron-platform-'));
  fake.app.paths.userData = dataDir;
  playPlatform('linux');
});

afterEach(async () => {
  Object.defineProperty(process, 'platform', realPlatform);
  await rm(dataDir, { recursive: true, force: true });
});

describe('documents with electron-store', () => {
  it('writes each document into the given folder, only for this user, and reads it back', async () => {
    const openStore = electronStores(dataDir);
    const store = openStore('outbox', { items: [] as string[] });
    expect(path.dirname(store.path)).toBe(dataDir);
    expect(store.read()).toEqual({ items: [] });

    store.write({ items: ['K1-4821'] });

    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ items: ['K1-4821'] });
    expect(openStore('outbox', { items: [] as string[] }).read()).toEqual({ items: ['K1-4821'] });
    if (realPlatform.value !== 'win32') expect((await stat(store.path)).mode & 0o777).toBe(0o600);
  });

  it('keeps each name in its own file', () => {
    const openStore = electronPlatform(dataDir, testLogger().logger, undefined).openStore;
    openStore('a', { n: 0 }).write({ n: 1 });
    expect(openStore('b', { n: 0 }).read()).toEqual({ n: 0 });
  });
});

describe('desk notifications', () => {
  it('shows exactly the words the core gave, critical and staying on screen when urgent', () => {
    const { logger, entries } = testLogger();
    electronNotifier(logger).show({
      title: 'Safe Passage request',
      body: 'Lobby kiosk 1 (ref K1-4821). See the desk console.',
      urgent: true,
    });

    expect(fake.Notification.shown).toHaveLength(1);
    expect(fake.Notification.shown[0]).toMatchObject({
      title: 'Safe Passage request',
      body: 'Lobby kiosk 1 (ref K1-4821). See the desk console.',
      urgency: 'critical',
      timeoutType: 'never',
      silent: false,
    });
    expect(entries).toEqual([]);
  });

  it('shows a routine notification at normal urgency that times out as usual', () => {
    electronNotifier(testLogger().logger).show({ title: 'Kiosk back online', body: 'Lobby kiosk 1', urgent: false });
    expect(fake.Notification.shown[0]).toMatchObject({ urgency: 'normal', timeoutType: 'default' });
  });

  it('does nothing, and does not throw, where the OS has no notifications', () => {
    fake.Notification.supported = false;
    expect(() => electronNotifier(testLogger().logger).show({ title: 't', body: 'b', urgent: true })).not.toThrow();
    expect(fake.Notification.shown).toEqual([]);
  });

  it('never throws into the core when the OS refuses, and logs only the error class', () => {
    vi.spyOn(fake.Notification.prototype, 'show').mockImplementationOnce(() => {
      throw new TypeError('D-Bus said no about ref K1-4821');
    });
    const { logger, entries } = testLogger();
    expect(() => electronNotifier(logger).show({ title: 't', body: 'b', urgent: true })).not.toThrow();
    expect(entries.map((e) => e.fields)).toEqual([{ error: 'TypeError' }]);
  });
});
