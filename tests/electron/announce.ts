import { findElectronBinary, smokeSkipReason } from './electron-binary.js';

/** Runs once before the suite: says in one line why it is skipped, or which binary it uses. */
export default function announce(): void {
  const reason = smokeSkipReason();
  const binary = findElectronBinary();
  console.log(reason ?? (binary.present ? `Electron smoke tests: using ${binary.path}` : ''));
}
