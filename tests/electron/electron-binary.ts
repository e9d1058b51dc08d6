/** Whether the smoke tests can run: the launcher's own check for a binary, and a display to open a window on. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary as findInPackage } from '../../electron/launcher/electron-binary.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export const skipReason =
  'Electron smoke tests skipped: no Electron binary on this machine (node_modules/electron/dist is missing; ' +
  'it is downloaded on first launch where the internet is reachable).';

export const noDisplayReason =
  'Electron smoke tests skipped: no display (DISPLAY and WAYLAND_DISPLAY are unset); run them under a desktop or `xvfb-run -a npm run test:electron`.';

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const found = findInPackage(path.join(repoRoot, 'node_modules', 'electron'), env);
  return found.present ? found : { present: false, reason: skipReason };
}

/** Null when the smoke tests can run here; otherwise the one line saying why not. */
export function smokeSkipReason(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const binary = findElectronBinary(env);
  if (!binary.present) return binary.reason;
  // Windows and macOS always have a display session for a logged-in user; Linux may be a bare server or CI.
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return noDisplayReason;
  return null;
}
