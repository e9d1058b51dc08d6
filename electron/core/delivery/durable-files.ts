/**
 * The file-system layer the outbox writes through. The default is Node's;
 * tests pass one that fails the way a full disk does (ENOSPC) to prove the
 * kiosk never claims a capture it could not save.
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';

export type DurableFiles = {
  mkdir(dir: string): Promise<void>;
  /** Writes the whole file and fsyncs it before resolving. */
  writeSynced(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Makes a rename inside `dir` survive power loss. */
  syncDir(dir: string): Promise<void>;
  list(dir: string): Promise<string[]>;
  read(file: string): Promise<string>;
  remove(file: string): Promise<void>;
};

export const nodeFiles: DurableFiles = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  },
  writeSynced: async (file, data) => {
    const handle = await open(file, 'w', 0o600);
    try {
      // A string is written as UTF-8.
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  syncDir: async (dir) => {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  list: (dir) => readdir(dir),
  read: (file) => readFile(file, 'utf8'),
  remove: async (file) => {
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  },
};
