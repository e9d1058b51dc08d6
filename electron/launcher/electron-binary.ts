/**
 * Finds the Electron binary the way the `electron` package's index.js does,
 * without loading that file: loading it starts a download when the binary is
 * missing. "Present" means index.js would return this path without downloading.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { present: true; path: string } | { present: false };

/** `packageDir` is node_modules/electron. */
export function findElectronBinary(packageDir: string, env: Readonly<Record<string, string | undefined>> = process.env): ElectronBinary {
  const pathFile = path.join(packageDir, 'path.txt');
  // Read exactly as index.js reads it (no trimming), so both agree on the file name.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return { present: true, path: path.join(override, executable || 'electron') };
  if (executable) {
    const binary = path.join(packageDir, 'dist', executable);
    if (existsSync(binary)) return { present: true, path: binary };
  }
  return { present: false };
}
