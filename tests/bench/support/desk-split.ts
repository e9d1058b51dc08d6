/**
 * Where a new request's send-to-drawn goes, from inside the bench's own
 * process (the browser host and its desk core run here): when the desk's
 * store began and finished writing the request (its file written and
 * fsynced, renamed, the folder fsynced), and when the core emitted the
 * console's change. With the bench's send, the event reaching the page and
 * the card drawn, that splits one arrival into the core's receive (HTTP,
 * signature, checks), the store's write, building and emitting the change
 * (after the answer), the trip to the page, and the page's part.
 *
 * The store is timed by wrapping the shared Node file layer
 * (`nodeFiles`, which the desk's store calls through at each write) for the
 * desk's request folder only; `stop()` puts it back.
 */
import path from 'node:path';
import type { EventSource as CoreEvents } from '../../../shared/contract.js';
import { nodeFiles } from '../../../electron/core/delivery/durable-files.js';
import { summarize, type Summary } from '../measure.js';

/** The desk store's folder of request files (electron/core/desk/request-store.ts). */
const requestsFolder = 'desk-requests';

type CoreMarks = { storeStart?: number; storeEnd?: number; emitted?: number; changeBytes?: number };

export type ArrivalTimes = { sentAt: number; answeredAt: number; eventAt: number; drawnAt: number };

export type SplitRecorder = {
  /** The split of one arrival, once its card is drawn; undefined when the core did not see all of it (never expected). */
  split(id: string, times: ArrivalTimes): ArrivalSplit | undefined;
  stop(): void;
};

export type ArrivalSplit = {
  /** Send to the store's first write: HTTPS, verifying the signature, parsing, the checks. */
  receive: number;
  /** The store's write: temp file written and fsynced, renamed, folder fsynced. */
  store: number;
  /** Stored to the console's change emitted: the answer, then building the change. */
  storedToEmitted: number;
  /** Emitted to the event reaching the page: serialising, the event stream, the page's event dispatch. */
  emittedToPage: number;
  /** The page's part: event to the card drawn. */
  page: number;
  /** Send to the answer reaching the bench (the kiosk's view). */
  sendToAnswered: number;
  /** The change's size as sent (JSON). */
  changeBytes: number;
};

const requestIdOf = (file: string) => path.basename(file).split('.')[0] ?? '';
const inRequests = (file: string) => path.basename(path.dirname(file)) === requestsFolder;

/** Starts recording the desk core's marks: the store's writes and the console's changes. */
export function recordDeskSplit(deskEvents: CoreEvents): SplitRecorder {
  const marks = new Map<string, CoreMarks>();
  const markOf = (id: string) => marks.get(id) ?? (marks.set(id, {}).get(id) as CoreMarks);
  const original = { writeSynced: nodeFiles.writeSynced, syncDir: nodeFiles.syncDir };
  // The folder fsync names no request: it ends the write of the request last written in that folder.
  let lastWritten: string | undefined;
  nodeFiles.writeSynced = async (file, data) => {
    if (inRequests(file)) {
      lastWritten = requestIdOf(file);
      markOf(lastWritten).storeStart ??= Date.now();
    }
    return original.writeSynced(file, data);
  };
  nodeFiles.syncDir = async (dir) => {
    const written = path.basename(dir) === requestsFolder ? lastWritten : undefined;
    await original.syncDir(dir);
    if (written !== undefined) markOf(written).storeEnd ??= Date.now();
  };
  const unsubscribe = deskEvents.subscribe((name, payload) => {
    if (name !== 'desk.requestChanged') return;
    const change = payload as { request?: { id: string } };
    const id = change.request?.id;
    if (id === undefined || markOf(id).emitted !== undefined) return;
    markOf(id).emitted = Date.now();
    // Measured after the event has gone out, so it does not delay the page.
    setImmediate(() => (markOf(id).changeBytes = Buffer.byteLength(JSON.stringify(payload))));
  });
  return {
    split(id, times) {
      const mark = marks.get(id);
      if (mark?.storeStart === undefined || mark.storeEnd === undefined || mark.emitted === undefined) return undefined;
      return {
        receive: mark.storeStart - times.sentAt,
        store: mark.storeEnd - mark.storeStart,
        storedToEmitted: mark.emitted - mark.storeEnd,
        emittedToPage: times.eventAt - mark.emitted,
        page: times.drawnAt - times.eventAt,
        sendToAnswered: times.answeredAt - times.sentAt,
        changeBytes: mark.changeBytes ?? Number.NaN,
      };
    },
    stop() {
      unsubscribe();
      nodeFiles.writeSynced = original.writeSynced;
      nodeFiles.syncDir = original.syncDir;
    },
  };
}

/** Each part of the split summarised over the arrivals (ms; bytes for the change). */
export function summarizeSplits(splits: readonly ArrivalSplit[]): Record<keyof ArrivalSplit, Summary> {
  const keys = ['receive', 'store', 'storedToEmitted', 'emittedToPage', 'page', 'sendToAnswered', 'changeBytes'] as const;
  return Object.fromEntries(keys.map((key) => [key, summarize(splits.map((split) => split[key]))])) as Record<keyof ArrivalSplit, Summary>;
}

/** Send to drawn of one split: the sum of its parts. */
export const sendToDrawnOf = (split: ArrivalSplit) =>
  split.receive + split.store + split.storedToEmitted + split.emittedToPage + split.page;

/** The `count` slowest arrivals, send to drawn, with their parts: where a tail is. */
export function slowestSplits(splits: readonly ArrivalSplit[], count: number): (ArrivalSplit & { sendToDrawn: number })[] {
  return [...splits]
    .map((split) => ({ ...split, sendToDrawn: sendToDrawnOf(split) }))
    .sort((a, b) => b.sendToDrawn - a.sendToDrawn)
    .slice(0, count);
}
