/**
 * `npm start`: runs the Electron app where its binary can be had, and
 * otherwise the browser host, saying so plainly (launch.ts).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeHost, startHostFromCli, stopOnSignals } from '../browser-host/host-cli.js';
import { findElectronBinary } from './electron-binary.js';
import { launch } from './launch.js';
import { splitLauncherArgs, type LauncherArgs } from './launcher-args.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let args: LauncherArgs;
try {
  args = splitLauncherArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

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
  const packageDir = path.dirname(installScript);
  // Already there (or ELECTRON_OVERRIDE_DIST_PATH names one): nothing to download.
  const present = findElectronBinary(packageDir);
  if (present.present) return { path: present.path };
  // Downloads the binary (about 100 MB).
  const install = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 10 * 60_000 });
  if (install.status !== 0) {
    const firstLine = `${install.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? install.error?.message ?? 'unknown error';
    return { error: `its binary is not downloaded yet and the download failed: ${firstLine.trim()}` };
  }
  const binary = findElectronBinary(packageDir);
  return binary.present ? { path: binary.path } : { error: 'the download finished but no binary was found' };
}

console.log('Looking for Electron (the first start downloads it)…');
const code = await launch({
  electron: findElectron(),
  appRoot,
  args: args.electron,
  env: process.env,
  platform: process.platform,
  print: (text) => console.log(text),
  startBrowserHost: async () => {
    const { host, cores } = await startHostFromCli({ argv: args.host, env: process.env, appRoot });
    stopOnSignals(host, cores);
    return describeHost(host);
  },
});
if (code !== null) process.exit(code);
