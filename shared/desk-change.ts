/**
 * Applies one `desk.requestChanged` to the console's state. Shared by the
 * desk window and the tests, so both read the desk's changes the same way.
 */
import type { DeskChange, DeskRequestView, DeskState } from './desk.js';

/** Emergencies first, then whoever has waited longest (the desk's own order), then by id. */
function moreUrgent(a: DeskRequestView, b: DeskRequestView): number {
  if (a.priority !== b.priority) return a.priority === 'emergency' ? -1 : 1;
  return Date.parse(a.askedAt) - Date.parse(b.askedAt) || a.id.localeCompare(b.id);
}

/** Puts a request in its place, replacing the one with its id (its place never moves: priority and askedAt do not change). */
function placed(requests: readonly DeskRequestView[], request: DeskRequestView): DeskRequestView[] {
  const at = requests.findIndex((r) => r.id === request.id);
  if (at >= 0) return requests.map((r, i) => (i === at ? request : r));
  const before = requests.findIndex((r) => moreUrgent(request, r) < 0);
  const next = [...requests];
  next.splice(before < 0 ? next.length : before, 0, request);
  return next;
}

/**
 * The state after `change`, or `state` itself when the change is one it
 * already holds (an event that raced the first `desk.getState`).
 */
export function applyDeskChange(state: DeskState, change: DeskChange): DeskState {
  if (change.revision <= state.revision) return state;
  let requests = state.requests;
  if (change.request) requests = change.request.state === 'closed' ? requests : placed(requests, change.request);
  const removed = change.removed ?? (change.request?.state === 'closed' ? change.request.id : undefined);
  if (removed !== undefined) requests = requests.filter((r) => r.id !== removed);
  return { ...state, revision: change.revision, requests, alerting: change.alerting, kiosks: change.kiosks, receiver: change.receiver };
}
