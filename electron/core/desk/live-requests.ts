/**
 * The console's live list, kept in memory and changed one request at a time:
 * every request not yet closed, most urgent first, with its view built once
 * (the first name unsealed once per request, never per change) and its
 * askedAt as a number, so sorting never parses a date.
 */
import type { DeskRequestView, DeskWaiting } from '../../../shared/desk.js';
import { askedAtOf, deskRequestViewOf, type StoredRequest } from './stored-request.js';

type Entry = { record: StoredRequest; askedAtMs: number; firstName: string | undefined; view: DeskRequestView };

/** What one change did to the live list: the request's new view, or the id that left it. */
export type LiveChange = { request?: DeskRequestView; removed?: string };

export type LiveRequests = {
  /**
   * Puts a stored request in the list (or takes it out once closed).
   * `firstName` is given when the caller already holds it in clear (a new
   * arrival); otherwise the name is unsealed once, the first time.
   */
  put(record: StoredRequest, firstName?: { value: string | undefined }): LiveChange;
  remove(id: string): LiveChange;
  /** Every live request, most urgent first. */
  views(): DeskRequestView[];
  /** The view of one live request (undefined once closed). */
  viewOf(id: string): DeskRequestView | undefined;
  /** The most urgent request still waiting for an acknowledgement. */
  firstWaiting(): StoredRequest | undefined;
  waitingCount(): number;
  /** How many wait for an acknowledgement, and whether the most urgent of them is an emergency: no walk over the list. */
  waiting(): DeskWaiting;
};

/** Emergencies first, then whoever has waited longest, then by id (a stable order). */
function byUrgency(a: Entry, b: Entry): number {
  if (a.record.priority !== b.record.priority) return a.record.priority === 'emergency' ? -1 : 1;
  return a.askedAtMs - b.askedAtMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

/** The first place in a list kept in urgency order that `entry` does not come after (binary search). */
function placeOf(list: readonly Entry[], entry: Entry): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byUrgency(list[middle] as Entry, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Inserts into a list kept in urgency order (no re-sort). */
function insertInOrder(list: Entry[], entry: Entry): void {
  list.splice(placeOf(list, entry), 0, entry);
}

/** Takes an entry out of a list kept in urgency order, found by its place rather than a look at every entry. */
function removeFrom(list: Entry[], entry: Entry): void {
  const at = placeOf(list, entry);
  if (list[at] === entry) list.splice(at, 1);
}

const waitsForAnswer = (record: StoredRequest) => !record.acknowledgement && !record.closed;

/** An empty live list for this desk; `nameOf` unseals a stored first name. */
export function createLiveRequests(deskId: string, nameOf: (id: string) => string | undefined): LiveRequests {
  const entries = new Map<string, Entry>();
  const ordered: Entry[] = [];
  const waiting: Entry[] = [];

  const remove = (id: string): LiveChange => {
    const entry = entries.get(id);
    if (!entry) return {};
    entries.delete(id);
    removeFrom(ordered, entry);
    removeFrom(waiting, entry);
    return { removed: id };
  };

  return {
    put(record, firstName) {
      if (record.closed) return remove(record.id);
      const existing = entries.get(record.id);
      if (existing) {
        const wasWaiting = waitsForAnswer(existing.record);
        // Priority and askedAt never change, so the entry keeps its place in both lists.
        existing.record = record;
        existing.view = deskRequestViewOf(record, deskId, existing.firstName);
        if (wasWaiting && !waitsForAnswer(record)) removeFrom(waiting, existing);
        return { request: existing.view };
      }
      const name = firstName ? firstName.value : nameOf(record.id);
      const entry: Entry = {
        record,
        askedAtMs: Date.parse(askedAtOf(record)),
        firstName: name,
        view: deskRequestViewOf(record, deskId, name),
      };
      entries.set(record.id, entry);
      insertInOrder(ordered, entry);
      if (waitsForAnswer(record)) insertInOrder(waiting, entry);
      return { request: entry.view };
    },
    remove,
    views: () => ordered.map((entry) => entry.view),
    viewOf: (id) => entries.get(id)?.view,
    firstWaiting: () => waiting[0]?.record,
    waitingCount: () => waiting.length,
    waiting: () => ({ count: waiting.length, emergency: waiting[0]?.record.priority === 'emergency' }),
  };
}
