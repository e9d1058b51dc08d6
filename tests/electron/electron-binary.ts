/** Whether the smoke tests can run: the launcher's own check, with the reason to print when they cannot. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary as findInPackage } from '../../electron/launcher/electron-binary.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export const skipReason =
  'Electron smoke tests skipped: no Electron binary on this machine (node_modules/electron/dist is missing; ' +
  'it is downloaded on first launch where the internet is reachable).';

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const found = findInPackage(path.join(repoRoot, 'node_modules', 'electron'), env);
  return found.present ? found : { present: false, reason: skipReason };
}
