/**
 * What the desk console shows: the views the desk core hands the desk window.
 * The desk is inside the building, so its views carry the first name when the
 * person gave one; nothing here ever goes into a log, a CSV or a message that
 * leaves the building.
 */
import type { Acknowledgement, CloseOutcome, Priority, RequestKind } from './request.js';

import type { DeskRequestState } from './request-status.js';

export type { DeskRequestState };

export type DeskRequestView = {
  id: string;
  reference: string;
  kind: RequestKind;
  priority: Priority;
  language: string;
  /** Absent when not given, or after retention purged it. */
  firstName?: string;
  turningIn: boolean;
  dangerNow: boolean;
  kiosk: { id: string; location: string };
  /** When the person pressed submit (the kiosk's clock). */
  createdAt: string;
  /** When this desk received it (this desk's clock). */
  receivedAt: string;
  /**
   * When the person asked, on this desk's clock: receipt time minus the age
   * the kiosk reported (its own clock only). Waiting counts from here, so an
   * outage or a clock skew between machines does not shorten the person's wait.
   */
  askedAt: string;
  state: DeskRequestState;
  /** The first acknowledgement, whichever desk sent it. */
  acknowledgement?: Acknowledgement & { byThisDesk: boolean };
  closed?: { outcome: CloseOutcome; at: string; deskId: string };
  /** A test page from a kiosk's admin screen: nobody is waiting; acknowledging it closes it. */
  test?: true;
};

export type KioskHealthView = {
  kioskId: string;
  location: string;
  lastHeartbeatAt?: string;
  online: boolean;
  outboxDepth: number;
  failedDeliveries: number;
};

/**
 * Everything the console's live view needs: sent whole for the first load
 * (`desk.getState`) and for rare changes (retention, the receiver), then kept
 * up to date by `desk.requestChanged`, one request at a time.
 */
export type DeskState = {
  /**
   * Which run of the desk's service counted the revisions: a new one each
   * time the service starts (the desk's settings changed, the app started).
   * A console holding another stream's state loads the whole state again
   * rather than compare revisions that were counted from two starts.
   */
  stream: string;
  /** Counts every change the desk announced in this stream; a change with a revision at or below this one is already in it. */
  revision: number;
  deskId: string;
  deskName: string;
  /** Open and acknowledged requests, emergencies first, then oldest first. */
  requests: DeskRequestView[];
  kiosks: KioskHealthView[];
  /** Who still waits for an acknowledgement (each such request's view has `state: 'open'`): the alert repeats while any does. */
  waiting: DeskWaiting;
  alert: { repeatSeconds: number; sound: boolean };
  /** The receiver's own health: listening, or why not (for example the port is taken). */
  receiver: { listening: boolean; url?: string; problem?: string };
};

/**
 * The requests waiting for an acknowledgement, summed up: how many (the alert
 * banner's count; the tone repeats while it is above 0) and whether the most
 * urgent of them is an emergency. Which requests wait is told by each view's
 * state (`needsAnswer`), so neither the state nor a change lists their ids.
 */
export type DeskWaiting = { count: number; emergency: boolean };

/** Whether a request still waits for someone to acknowledge it (the card's "Needs an answer"). */
export function needsAnswer(request: Pick<DeskRequestView, 'state'>): boolean {
  return request.state === 'open';
}

/**
 * One change to the console's live state, in proportion to what changed: at
 * most one request (its new view, or the id of one that left the live list
 * once closed or purged), the waiting summary, and the small header parts,
 * which are sent whole. Its revision is one more than the change before it
 * (or the whole state before it): a console that holds an older revision
 * than `revision - 1` missed a change and loads the whole state again
 * (shared/desk-change.ts).
 */
export type DeskChange = {
  /** The stream that counted `revision` (DeskState.stream). */
  stream: string;
  revision: number;
  request?: DeskRequestView;
  removed?: string;
  waiting: DeskWaiting;
  kiosks: KioskHealthView[];
  receiver: DeskState['receiver'];
};

export const reportPeriods = ['day', 'week', 'month', 'year'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** Anonymous counts for the sergeant: no names, no references. */
export type DeskReport = {
  period: ReportPeriod;
  from: string;
  to: string;
  total: number;
  byKind: Record<RequestKind, number>;
  byPriority: Record<Priority, number>;
  byLanguage: Record<string, number>;
  byOutcome: Record<CloseOutcome | 'open', number>;
  /** Seconds from when the person asked (on the desk's clock) to the first acknowledgement. */
  timeToAcknowledge: { count: number; medianSeconds?: number; p90Seconds?: number };
  /** One bucket per day (ISO date, desk's local time), oldest first, for the chart. */
  perDay: { date: string; count: number }[];
};
