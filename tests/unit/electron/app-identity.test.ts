import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appId, appName, setupAppIdentity } from '../../../electron/shell/app-identity.js';
import { enableReadAloud } from '../../../electron/shell/read-aloud-switch.js';
import { app, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const builderConfig = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
/** A top-level `key: value` of electron-builder.yml. */
const builderValue = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(builderConfig)?.[1]?.trim();

beforeEach(() => {
  resetFakeElectron();
});

describe('the app name', () => {
  it('is the installed app’s productName, so a checkout and an install use the same user-data folder', () => {
    setupAppIdentity(app, 'linux');
    expect(app.getName()).toBe(builderValue('productName'));
    expect(appName).toBe('Lobby Kiosk');
  });

  it('gives Windows the installer’s app user model id, so desk notifications show', () => {
    setupAppIdentity(app, 'win32');
    expect(app.appUserModelId).toBe(builderValue('appId'));
    expect(appId).toBe('org.lobbykiosk.app');
  });

  it('sets no app user model id elsewhere', () => {
    setupAppIdentity(app, 'linux');
    expect(app.appUserModelId).toBeUndefined();
  });
});

describe('read-aloud', () => {
  it('turns on speech-dispatcher on Linux', () => {
    enableReadAloud(app, 'linux');
    expect(app.commandLine.hasSwitch('enable-speech-dispatcher')).toBe(true);
  });

  it('leaves the command line alone on Windows and macOS, whose voices need no switch', () => {
    enableReadAloud(app, 'win32');
    enableReadAloud(app, 'darwin');
    expect(app.commandLine.switches.size).toBe(0);
  });

  it('has no effect once the app is ready, which is why main appends it before', () => {
    app.becomeReady();
    enableReadAloud(app, 'linux');
    expect(app.commandLine.hasSwitch('enable-speech-dispatcher')).toBe(false);
  });
});
