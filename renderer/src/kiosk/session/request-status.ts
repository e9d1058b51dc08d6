/**
 * What the status screen may say about a request, decided only from what the
 * core reported (KioskRequestView) or from the submit call failing. Each claim
 * waits for the phase that makes it true (DESIGN.md "honest status").
 */
import type { AckMessageKey, KioskRequestView, Priority, RequestPhase } from '../../../../shared/request';
import { requestPhaseOrder } from './request-rules';

export type Submission =
  /** Submit was called; the core has not answered yet. Nothing is claimed. */
  | { state: 'sending'; priority: Priority }
  /** The core saved it; from here on the view is the only source of truth. */
  | { state: 'saved'; view: KioskRequestView }
  /** Submit was rejected: nothing was saved, so only the fallback remains. */
  | { state: 'not-saved'; priority: Priority };

export type Headline = 'saving' | 'captured' | 'delivered' | 'acknowledged' | 'closed' | 'failed' | 'notSaved';

export type StatusReport = {
  headline: Headline;
  /** Which of the three steps the person sees ticked. */
  steps: { saved: boolean; delivered: boolean; answered: boolean };
  /** The officer's answer, shown in the person's language. */
  ackKey?: AckMessageKey;
  /** "none"; "while-trying": go to the window etc. while the kiosk keeps trying; "only": nothing else is happening. */
  fallback: 'none' | 'while-trying' | 'only';
  reference?: string;
  priority: Priority;
};

const rank = (phase: RequestPhase) => requestPhaseOrder.indexOf(phase);

/**
 * The more recent of two views of the same request. Events can arrive before
 * submit resolves, or out of order over a transport: never step backwards.
 */
export function newerView(current: KioskRequestView | undefined, next: KioskRequestView): KioskRequestView {
  if (!current || current.id !== next.id) return next;
  if (rank(next.phase) !== rank(current.phase)) return rank(next.phase) > rank(current.phase) ? next : current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

export function reportFor(submission: Submission): StatusReport {
  if (submission.state === 'sending') {
    return { headline: 'saving', steps: { saved: false, delivered: false, answered: false }, fallback: 'none', priority: submission.priority };
  }
  if (submission.state === 'not-saved') {
    return { headline: 'notSaved', steps: { saved: false, delivered: false, answered: false }, fallback: 'only', priority: submission.priority };
  }
  const { view } = submission;
  const delivered = rank(view.phase) >= rank('delivered');
  const answered = view.phase === 'acknowledged' || view.phase === 'closed';
  const base = { steps: { saved: true, delivered, answered }, reference: view.reference, priority: view.priority };
  if (view.phase === 'closed') return { ...base, headline: 'closed', fallback: 'none' };
  if (view.phase === 'acknowledged') {
    return { ...base, headline: 'acknowledged', fallback: 'none', ...(view.acknowledgement ? { ackKey: view.acknowledgement.messageKey } : {}) };
  }
  if (view.failed) return { ...base, headline: 'failed', fallback: 'only' };
  return { ...base, headline: delivered ? 'delivered' : 'captured', fallback: view.late ? 'while-trying' : 'none' };
}
