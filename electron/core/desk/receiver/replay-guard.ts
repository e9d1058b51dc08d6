/**
 * Webhook ids already processed, with a digest of what each carried, so a
 * retry (same id, same message) is told apart from a reused id (same id,
 * another message). Messages the kiosk retries (`request.created`,
 * `request.updated`) are remembered for the longest retry horizon a kiosk can
 * have, in a small append-only file that survives a restart; the others are
 * never retried under the same id, so memory for longer than the 5-minute
 * timestamp tolerance is enough for them.
 */
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { maxRetryHorizonMinutes } from '../../../../shared/config.js';
import type { Logger } from '../../logger.js';

export type SeenMessage = { type: string; requestId?: string; digest: string };

export type ReplayGuard = {
  seen(messageId: string, at: number): SeenMessage | undefined;
  remember(messageId: string, message: SeenMessage, at: number): void;
  /** How many ids are held in memory: those past their window are swept out, so a desk running for months holds one window's traffic. */
  held(): number;
  /** Writes what is still buffered (the receiver calls it when it closes). */
  flush(): Promise<void>;
};

/** How long ids of messages that are never retried are kept: twice the timestamp tolerance. */
export const replayWindowMs = 10 * 60 * 1000;
/** How long ids of retried messages are kept: the longest retry horizon, plus the timestamp tolerance. */
export const retriedWindowMs = (maxRetryHorizonMinutes + 5) * 60 * 1000;
/** The message types a kiosk sends again under the same webhook-id. */
export const retriedTypes: ReadonlySet<string> = new Set(['request.created', 'request.updated']);

type Entry = SeenMessage & { at: number };
const windowOf = (entry: SeenMessage) => (retriedTypes.has(entry.type) ? retriedWindowMs : replayWindowMs);

function memory(initial: Iterable<[string, Entry]>, onRemember: (id: string, entry: Entry) => void) {
  const ids = new Map<string, Entry>(initial);
  let lastSweep = 0;
  const forgetOld = (at: number) => {
    // Only memory depends on it (seen() checks each entry's own window), so a sweep a minute is plenty: without it, every
    // heartbeat and status query of months would stay in memory.
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, entry] of ids) if (at - entry.at > windowOf(entry)) ids.delete(id);
  };
  return {
    seen(messageId: string, at: number) {
      forgetOld(at);
      const entry = ids.get(messageId);
      if (!entry || at - entry.at > windowOf(entry)) return undefined;
      return { type: entry.type, digest: entry.digest, ...(entry.requestId === undefined ? {} : { requestId: entry.requestId }) };
    },
    remember(messageId: string, message: SeenMessage, at: number) {
      const entry = { ...message, at };
      ids.set(messageId, entry);
      onRemember(messageId, entry);
    },
    held: () => ids.size,
  };
}

const lineOf = (id: string, entry: Entry) => `${JSON.stringify({ id, ...entry })}\n`;

function parseLine(line: string): [string, Entry] | undefined {
  try {
    const value = JSON.parse(line) as Partial<Entry & { id: string }>;
    if (typeof value.id !== 'string' || typeof value.type !== 'string' || typeof value.digest !== 'string' || typeof value.at !== 'number')
      return undefined;
    const entry: Entry = { type: value.type, digest: value.digest, at: value.at };
    if (typeof value.requestId === 'string') entry.requestId = value.requestId;
    return [value.id, entry];
  } catch {
    return undefined;
  }
}

/**
 * Opens the durable replay memory in `file`: reads what is still within its
 * window, rewrites the file with only that (so it never grows past one
 * horizon of traffic), then appends each retried message's id in batches,
 * off the answer's path. A file that cannot be read or written is logged and
 * the guard carries on in memory: request ids stay deduplicated by the store.
 */
export async function openReplayMemory(file: string, options: { now: () => number; logger: Logger }): Promise<ReplayGuard> {
  const at = options.now();
  const kept: Array<[string, Entry]> = [];
  try {
    const text = await readFile(file, 'utf8');
    for (const line of text.split('\n')) {
      const parsed = line ? parseLine(line) : undefined;
      if (parsed && at - parsed[1].at <= windowOf(parsed[1])) kept.push(parsed);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      options.logger.warn('the replay memory could not be read; starting empty', { code: (error as NodeJS.ErrnoException).code });
  }
  const durable = kept.filter(([, entry]) => retriedTypes.has(entry.type));
  try {
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed over the old file, so a crash here leaves one whole file or the other.
    await writeFile(`${file}.tmp`, durable.map(([id, entry]) => lineOf(id, entry)).join(''));
    await rename(`${file}.tmp`, file);
  } catch (error) {
    options.logger.warn('the replay memory could not be written', { code: (error as NodeJS.ErrnoException).code });
  }

  let pending = '';
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (!pending) return writing;
    const text = pending;
    pending = '';
    writing = writing
      .then(() => appendFile(file, text))
      .catch((error: NodeJS.ErrnoException) => options.logger.warn('the replay memory could not be written', { code: error.code }));
    return writing;
  };
  const guard = memory(kept, (id, entry) => {
    if (!retriedTypes.has(entry.type)) return;
    const first = pending === '';
    pending += lineOf(id, entry);
    // One write per burst: everything remembered in this turn of the event loop goes together.
    if (first) setImmediate(() => void flush());
  });
  return { ...guard, flush };
}

/** Where a desk keeps its replay memory: beside its store, in its data folder. */
export const replayMemoryFile = (dataDir: string): string => path.join(dataDir, 'receiver-replays.jsonl');
