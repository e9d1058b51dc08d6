/**
 * Applies one `desk.requestChanged` to the console's state. Shared by the
 * desk window and the tests, so both read the desk's changes the same way.
 */
import type { DeskChange, DeskRequestView, DeskState } from './desk.js';

/** Emergencies first, then whoever has waited longest, then by id: the desk core's own order (live-requests.ts). */
function moreUrgent(a: DeskRequestView, b: DeskRequestView): number {
  if (a.priority !== b.priority) return a.priority === 'emergency' ? -1 : 1;
  return Date.parse(a.askedAt) - Date.parse(b.askedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first place in a list in urgency order that `request` does not come after: a binary search, so a change reads a few dates, not every one. */
function placeOf(requests: readonly DeskRequestView[], request: DeskRequestView): number {
  let low = 0;
  let high = requests.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (moreUrgent(requests[middle] as DeskRequestView, request) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Puts a request in its place, replacing the one with its id. Its place never
 * moves (priority and askedAt do not change), and the list is in the desk's
 * order, so the binary search finds a request already there as well as the
 * place of a new one.
 */
function placed(requests: readonly DeskRequestView[], request: DeskRequestView): DeskRequestView[] {
  const at = placeOf(requests, request);
  // An answer is rare: there a look through the list costs nothing and makes sure a card is never drawn twice.
  const existing = requests[at]?.id === request.id ? at : request.state === 'open' ? -1 : requests.findIndex((r) => r.id === request.id);
  // One copy, made at once (no spread through an iterator and then a splice moving half of it again).
  return existing >= 0 ? requests.with(existing, request) : requests.toSpliced(at, 0, request);
}

/**
 * How a change meets the console's state: `apply` it (the next revision),
 * `held` (the state already has it: an event that raced the first
 * `desk.getState`), or `missed` (a change between the two never arrived, for
 * example while the event stream reconnected; or it is not a change at all):
 * then only the whole state again (`desk.getState`) is right, since a change
 * carries only what changed. A change from another stream (the desk's
 * service restarted) is `missed` too: its count started again.
 */
export function changeFits(state: Pick<DeskState, 'stream' | 'revision'>, change: DeskChange): 'apply' | 'held' | 'missed' {
  if (!Number.isInteger(change.revision) || !Number.isInteger(change.waiting?.count)) return 'missed';
  // Another run of the desk's service counted from 1 again: its revisions say nothing against ours.
  if (change.stream !== state.stream) return 'missed';
  if (change.revision <= state.revision) return 'held';
  return change.revision === state.revision + 1 ? 'apply' : 'missed';
}

/**
 * The state after `change`, which must be the next revision (`changeFits`
 * says `apply`); a change it already holds leaves `state` itself.
 */
export function applyDeskChange(state: DeskState, change: DeskChange): DeskState {
  if (change.revision <= state.revision) return state;
  let requests = state.requests;
  if (change.request) requests = change.request.state === 'closed' ? requests : placed(requests, change.request);
  const removed = change.removed ?? (change.request?.state === 'closed' ? change.request.id : undefined);
  if (removed !== undefined) requests = requests.filter((r) => r.id !== removed);
  return { ...state, revision: change.revision, requests, waiting: change.waiting, kiosks: change.kiosks, receiver: change.receiver };
}
