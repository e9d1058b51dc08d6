/**
 * What the status screen may say about a request: its state from the one
 * status table (shared/request-status.ts), decided only from what the core
 * reported (KioskRequestView) or from the submit call itself.
 */
import type { AckMessageKey, KioskRequestView, Priority, RequestPhase } from '../../../../shared/request';
import { requestPhases } from '../../../../shared/request-rules';
import { statusTable, type RequestStatus, type StatusRow } from '../../../../shared/request-status';

export type Submission =
  /** Submit was called; the core has not answered yet. Nothing is claimed. */
  | { state: 'sending'; priority: Priority }
  /** The core saved it; from here on the view is the only source of truth. */
  | { state: 'saved'; view: KioskRequestView }
  /** Submit was rejected: nothing was saved, so only the fallback remains. */
  | { state: 'not-saved'; priority: Priority };

/** The table's row for this state, with what only this request knows. */
export type StatusReport = StatusRow & {
  status: RequestStatus;
  /** The officer's answer, shown in the person's language. */
  ackKey?: AckMessageKey;
  /** When the officer answered (ISO): shown with the answer, so an old answer never reads as new. */
  answeredAt?: string;
  reference?: string;
  priority: Priority;
};

const rank = (phase: RequestPhase) => requestPhases.indexOf(phase);

/**
 * The more recent of two views of the same request. Events can arrive before
 * submit resolves, or out of order over a transport: never step backwards.
 */
export function newerView(current: KioskRequestView | undefined, next: KioskRequestView): KioskRequestView {
  if (!current || current.id !== next.id) return next;
  if (rank(next.phase) !== rank(current.phase)) return rank(next.phase) > rank(current.phase) ? next : current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

/** The state the screen is in for this submission. */
export function statusOfSubmission(submission: Submission): RequestStatus {
  if (submission.state === 'sending') return 'saving';
  if (submission.state === 'not-saved') return 'not-saved';
  return submission.view.status;
}

export function reportFor(submission: Submission): StatusReport {
  const status = statusOfSubmission(submission);
  const table = statusTable[status];
  const priority = submission.state === 'saved' ? submission.view.priority : submission.priority;
  // An emergency's own wording where its state has one; the headline key is the one the screen shows.
  const row = priority === 'emergency' && table.emergencyHeadlineKey ? { ...table, headlineKey: table.emergencyHeadlineKey } : table;
  if (submission.state !== 'saved') return { ...row, status, priority: submission.priority };
  const { view } = submission;
  const ackKey = row.showsAnswer ? view.acknowledgement?.messageKey : undefined;
  const answeredAt = ackKey ? view.acknowledgement?.at : undefined;
  return {
    ...row,
    status,
    reference: view.reference,
    priority: view.priority,
    ...(ackKey ? { ackKey } : {}),
    ...(answeredAt ? { answeredAt } : {}),
  };
}
