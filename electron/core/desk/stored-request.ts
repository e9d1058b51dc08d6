/**
 * What the desk keeps about a request, on disk and in memory. The first name
 * is kept here only sealed (see request-store.ts and ../sealed-name.ts).
 */
import type { CloseOutcome, Priority, RequestKind, Acknowledgement } from '../../../shared/request.js';
import type { DeskRequestView } from '../../../shared/desk.js';

export type Closure = { outcome: CloseOutcome; at: string; deskId: string; signature?: string };

export type StoredRequest = {
  id: string;
  reference: string;
  kind: RequestKind;
  priority: Priority;
  language: string;
  turningIn: boolean;
  dangerNow: boolean;
  kiosk: { id: string; location: string };
  createdAt: string;
  receivedAt: string;
  /** When the person asked, on this desk's clock; absent in records kept before it was known (then: receivedAt). */
  askedAt?: string;
  /** The first name sealed by the platform cipher; absent when not given or when this machine cannot encrypt. */
  sealedName?: string;
  acknowledgement?: Acknowledgement;
  closed?: Closure;
  /** A test page from a kiosk's admin screen: shown as a test, never counted in reports. */
  test?: true;
};

/**
 * The anonymous trace a request leaves for program reporting once retention
 * has purged it: no id, no reference, no name, no kiosk.
 */
export type RequestSummary = {
  receivedAt: string;
  kind: RequestKind;
  priority: Priority;
  language: string;
  outcome: CloseOutcome | 'open';
  /** Seconds from when the person asked to the first acknowledgement, when there was one. */
  acknowledgeSeconds?: number;
};

/** When the person asked, on this desk's clock: waiting and time to answer count from here. */
export function askedAtOf(record: StoredRequest): string {
  return record.askedAt ?? record.receivedAt;
}

/** Where a stored request is on this desk: open, acknowledged (by any desk) or closed. */
export function stateOf(record: StoredRequest): DeskRequestView['state'] {
  if (record.closed) return 'closed';
  return record.acknowledgement ? 'acknowledged' : 'open';
}

/** Whether a record counts in program reports: every real request does, a test page never. */
export function countsInReports(record: StoredRequest): boolean {
  return record.test !== true;
}

/** The anonymous summary of a record, for reports now and after the record is purged. */
export function summarize(record: StoredRequest): RequestSummary {
  const summary: RequestSummary = {
    receivedAt: record.receivedAt,
    kind: record.kind,
    priority: record.priority,
    language: record.language,
    outcome: record.closed?.outcome ?? 'open',
  };
  if (record.acknowledgement) {
    const seconds = (Date.parse(record.acknowledgement.at) - Date.parse(askedAtOf(record))) / 1000;
    // Another desk's clock may run a little ahead of ours; a negative wait means "at once".
    summary.acknowledgeSeconds = Math.max(0, seconds);
  }
  return summary;
}

/** The console's view of a record; the name only when the caller could unseal it. */
export function deskRequestViewOf(record: StoredRequest, deskId: string, firstName: string | undefined): DeskRequestView {
  const { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt, receivedAt, acknowledgement, closed } = record;
  const view: DeskRequestView = {
    id,
    reference,
    kind,
    priority,
    language,
    turningIn,
    dangerNow,
    kiosk,
    createdAt,
    receivedAt,
    askedAt: askedAtOf(record),
    state: stateOf(record),
  };
  if (closed) view.closed = closed;
  if (firstName) view.firstName = firstName;
  if (acknowledgement) view.acknowledgement = { ...acknowledgement, byThisDesk: acknowledgement.deskId === deskId };
  if (record.test) view.test = true;
  return view;
}
