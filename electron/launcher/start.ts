/**
 * `npm start`: runs the Electron app where its binary can be had, and
 * otherwise the browser host, saying so plainly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeHost, startHostFromCli } from '../browser-host/host-cli.js';
import { findElectronBinary } from './electron-binary.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron binary's path. The electron package fetches its binary on first
 * use; we run that step ourselves with its output captured, so that where the
 * internet cannot be reached the person reads one plain line, not a stack trace.
 */
function findElectron(): { path: string } | { error: string } {
  let installScript: string;
  try {
    installScript = createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return { error: 'the electron package is not installed; run "npm ci"' };
  }
  // Exits at once when the binary is already there; otherwise downloads it (about 100 MB).
  const install = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (install.status !== 0) {
    const firstLine = `${install.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? install.error?.message ?? 'unknown error';
    return { error: `its binary is not downloaded yet and the download failed: ${firstLine.trim()}` };
  }
  const binary = findElectronBinary(path.dirname(installScript));
  return binary.present ? { path: binary.path } : { error: 'the download finished but no binary was found' };
}

async function startBrowserHostInstead(reason: string): Promise<void> {
  console.log(`Electron cannot run on this machine (${reason}).`);
  console.log('Starting the browser host instead: the same app, in your web browser.\n');
  const { host } = await startHostFromCli({ argv: args, env: process.env, appRoot });
  console.log(describeHost(host));
}

console.log('Looking for Electron (the first start downloads it)…');
const electron = findElectron();
if ('error' in electron) {
  await startBrowserHostInstead(electron.error);
} else {
  const startedAt = Date.now();
  const child = spawn(electron.path, [appRoot, ...args], { stdio: 'inherit' });
  child.on('error', (error) => void startBrowserHostInstead(error.message));
  child.on('exit', (code, signal) => {
    // An Electron that dies at once (no display, missing libraries) is a machine problem: fall back.
    if (code !== 0 && signal === null && Date.now() - startedAt < 5000) {
      void startBrowserHostInstead(`Electron exited with code ${code} while starting`);
      return;
    }
    process.exit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
}
