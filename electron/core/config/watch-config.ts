import { unwatchFile, watchFile } from 'node:fs';

/**
 * Calls `onChange` when any of the files changes on disk, checking every
 * `intervalMs` (create-core passes 2 s unless told otherwise). Polling (not
 * fs.watch) because editors replace files atomically and network shares do
 * not report events; a stat of two small files every 2 s costs nothing.
 */
export function watchConfigFiles(files: readonly string[], intervalMs: number, onChange: () => void): () => void {
  const listener = (current: { mtimeMs: number }, previous: { mtimeMs: number }) => {
    if (current.mtimeMs !== previous.mtimeMs) onChange();
  };
  for (const file of files) watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return () => {
    for (const file of files) unwatchFile(file, listener);
  };
}
