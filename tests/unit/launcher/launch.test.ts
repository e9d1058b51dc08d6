import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launch, type LaunchOptions } from '../../../electron/launcher/launch.js';
import { electronEnv } from '../../../electron/launcher/run-electron.js';
import type { SandboxProbe } from '../../../electron/launcher/sandbox-hint.js';

let dir: string;
let printed: string[];
let hostStarts: number;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-launch-'));
  printed = [];
  hostStarts = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in `electron` binary: a shell script that behaves as the real one does on a given machine. */
async function fakeElectron(body: string): Promise<string> {
  const file = path.join(dir, 'electron');
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/** A machine where chrome-sandbox sits in node_modules, owned by the developer, without the setuid bit. */
const unsetSandbox: SandboxProbe = { stat: () => ({ uid: 1000, mode: 0o100755 }), userNamespacesRestricted: () => true };
const workingSandbox: SandboxProbe = { stat: () => ({ uid: 0, mode: 0o104755 }), userNamespacesRestricted: () => false };

function options(electron: LaunchOptions['electron'], more: Partial<LaunchOptions> = {}): LaunchOptions {
  return {
    electron,
    appRoot: '/repo',
    args: [],
    env: { PATH: process.env.PATH },
    platform: 'linux',
    probe: workingSandbox,
    print: (text) => printed.push(text),
    startBrowserHost: () => {
      hostStarts += 1;
      return Promise.resolve('Kiosk (public screen): http://127.0.0.1:4780/kiosk/');
    },
    ...more,
  };
}
const output = () => printed.join('\n');

describe('npm start when Electron dies while starting', () => {
  it('treats a SIGTRAP (Ubuntu 24.04’s sandbox abort) as failure: says so and starts the browser host', async () => {
    const binary = await fakeElectron('kill -TRAP $$');
    expect(await launch(options({ path: binary }))).toBeNull();
    expect(hostStarts).toBe(1);
    expect(output()).toContain('Electron did not start: it was stopped by the signal SIGTRAP.');
    expect(output()).toContain('http://127.0.0.1:4780/kiosk/');
  });

  it('tells how to fix the sandbox: chown and chmod of chrome-sandbox, or the AppArmor profile', async () => {
    const binary = await fakeElectron('kill -TRAP $$');
    await launch(options({ path: binary }, { probe: unsetSandbox }));
    const helper = path.join(dir, 'chrome-sandbox');
    expect(printed).toContain(`  sudo chown root:root ${helper}`);
    expect(printed).toContain(`  sudo chmod 4755 ${helper}`);
    expect(output()).toContain('AppArmor profile: see docs/install.md');
  });

  it('gives no sandbox advice where the sandbox is set up', async () => {
    const binary = await fakeElectron('kill -TRAP $$');
    await launch(options({ path: binary }));
    expect(output()).not.toContain('chrome-sandbox');
  });

  it('treats an early non-zero exit (no display, missing libraries) as failure and starts the browser host', async () => {
    const binary = await fakeElectron('exit 1');
    expect(await launch(options({ path: binary }))).toBeNull();
    expect(hostStarts).toBe(1);
    expect(output()).toContain('Electron did not start: it exited with code 1 while starting.');
  });

  it('exits non-zero when the browser host cannot start either, saying both reasons', async () => {
    const binary = await fakeElectron('exit 1');
    const code = await launch(options({ path: binary }, { startBrowserHost: () => Promise.reject(new Error('port 4780 is in use')) }));
    expect(code).toBe(1);
    expect(output()).toContain('exited with code 1 while starting');
    expect(output()).toContain('The browser host could not start either: port 4780 is in use');
  });

  it('starts the browser host when there is no binary at all, or it cannot be run', async () => {
    expect(await launch(options({ error: 'its binary is not downloaded yet' }))).toBeNull();
    expect(await launch(options({ path: path.join(dir, 'missing-electron') }))).toBeNull();
    expect(hostStarts).toBe(2);
    expect(output()).toContain('Electron cannot run on this machine (its binary is not downloaded yet).');
  });
});

describe('npm start when Electron runs', () => {
  it('leaves with Electron’s own exit code after an ordinary quit, without the browser host', async () => {
    const binary = await fakeElectron('exit 0');
    expect(await launch(options({ path: binary }))).toBe(0);
    expect(hostStarts).toBe(0);
  });

  it('exits non-zero when Electron is killed after it started, without starting the browser host', async () => {
    const binary = await fakeElectron('kill -SEGV $$');
    // A start window of 0 ms: whatever happens is after start-up.
    expect(await launch(options({ path: binary }, { startWindowMs: 0 }))).toBe(128 + 11);
    expect(hostStarts).toBe(0);
    expect(output()).toContain('Electron stopped: it was stopped by the signal SIGSEGV.');
  });

  it('starts the app folder with the given arguments and without ELECTRON_RUN_AS_NODE', async () => {
    const report = path.join(dir, 'report.txt');
    const binary = await fakeElectron(`echo "$1 $2 $3 run-as-node=\${ELECTRON_RUN_AS_NODE-unset}" > "${report}"`);
    const code = await launch(
      options({ path: binary }, { args: ['--config', 'desk.json'], env: { PATH: process.env.PATH, ELECTRON_RUN_AS_NODE: '1' } }),
    );
    expect(code).toBe(0);
    expect((await readFile(report, 'utf8')).trim()).toBe('/repo --config desk.json run-as-node=unset');
  });

  it('keeps the rest of the environment for Electron', () => {
    expect(electronEnv({ DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' })).toEqual({ DISPLAY: ':0' });
  });
});
