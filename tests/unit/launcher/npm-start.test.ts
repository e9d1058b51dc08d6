/**
 * `npm start`'s built entry (dist-electron/start.js) run as `npm start` runs it,
 * against a stand-in Electron named by ELECTRON_OVERRIDE_DIST_PATH, as the
 * electron package allows. Needs `npm run build`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const startJs = path.join(repoRoot, 'dist-electron', 'start.js');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-npm-start-'));
  await writeFile(path.join(dir, 'electron'), '#!/bin/sh\nkill -TRAP $$\n');
  await chmod(path.join(dir, 'electron'), 0o755);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function startProcess(args: string[]) {
  return spawn(process.execPath, [startJs, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, ELECTRON_OVERRIDE_DIST_PATH: dir, LOBBY_DATA_DIR: path.join(dir, 'data') },
  });
}

function runStart(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = startProcess(args);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe.skipIf(!existsSync(startJs))('npm start (the built launcher)', () => {
  it('never exits 0 after starting nothing: Electron aborts with SIGTRAP and the browser host cannot start', async () => {
    const { code, output } = await runStart(['--port', 'not-a-port']);
    expect(code).toBe(1);
    expect(output).toContain('Electron did not start: it was stopped by the signal SIGTRAP.');
    expect(output).toContain('The browser host could not start either:');
  }, 30_000);

  it('falls back to the browser host when Electron aborts, prints where to open it, and stops cleanly on SIGTERM', async () => {
    // The shipped desk config with its receiver on a port the system picks, so the test binds no fixed port.
    const shipped = JSON.parse(await readFile(path.join(repoRoot, 'resources', 'config', 'desk.json'), 'utf8')) as { receiver: object };
    const deskConfig = path.join(dir, 'desk.json');
    await writeFile(deskConfig, JSON.stringify({ ...shipped, receiver: { ...shipped.receiver, port: 0 } }));
    const child = startProcess(['--port', '0', '--desk-config', deskConfig]);
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Desk (officer console): http://127.0.0.1:')) resolve();
      });
    });
    expect(output).toContain('Electron did not start: it was stopped by the signal SIGTRAP.');
    expect(output).toMatch(/Kiosk \(public screen\): http:\/\/127\.0\.0\.1:\d+\/kiosk\/\?token=[\w-]{43}\n/);
    expect(output).toContain('This browser host is for trying the app. Do not run it in a lobby');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
