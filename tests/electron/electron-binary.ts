/**
 * Finds the Electron binary the way the `electron` package's index.js does,
 * without loading that file: loading it starts a download when the binary is
 * missing. "Present" here means index.js would return a path without
 * downloading, so Playwright's `_electron.launch()` can safely require it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export const skipReason =
  'Electron smoke tests skipped: no Electron binary on this machine (node_modules/electron/dist is missing; ' +
  'it is downloaded on first launch where the internet is reachable).';

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  // Read exactly as index.js reads it (no trimming), so both agree on the file name.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return { present: true, path: path.join(override, executable || 'electron') };
  if (executable) {
    const binary = path.join(packageDir, 'dist', executable);
    if (existsSync(binary)) return { present: true, path: binary };
  }
  return { present: false, reason: skipReason };
}
