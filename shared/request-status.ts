/**
 * The request's states, once, for every part of the app (issue 9). The kiosk
 * core, the kiosk screen, the desk and the wire contract all speak of a
 * request in these words; everything else (the record's phase and flags, the
 * desk's state, the contract's `state`) is derived from this table or feeds it.
 *
 * No zod here: the renderer imports it without a schema library.
 */

/** Every state a request can be in, as the person at the kiosk meets them. */
export const requestStatuses = [
  'saving',
  'sending',
  'not-reached-yet',
  'delivered',
  'not-answered',
  'passed-on',
  'answered',
  'closed',
  'failed',
  'not-saved',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** The states the kiosk core reports; "saving" and "not-saved" exist only on the screen, around the submit call. */
export type CoreRequestStatus = Exclude<RequestStatus, 'saving' | 'not-saved'>;

/**
 * What the screen shows besides the headline:
 * - none: nothing else;
 * - while-trying: the other ways to get help, and that the kiosk keeps trying;
 * - also: the other ways to get help, as an addition (the desk has it);
 * - only: the other ways to get help, since nothing else is happening.
 */
export type FallbackMode = 'none' | 'while-trying' | 'also' | 'only';

/** How long the status screen stays without a touch (see docs/architecture.md). */
export type ScreenHold = 'until-answered' | 'after-answer' | 'idle';

/** The desk console's word for a request it holds. */
export const deskRequestStates = ['open', 'acknowledged', 'closed'] as const;
export type DeskRequestState = (typeof deskRequestStates)[number];

/** The contract's `state` in a status answer (docs/backend-contract.md, unchanged in v1). */
export const wireRequestStates = ['received', 'acknowledged', 'closed', 'unknown'] as const;
export type WireRequestState = (typeof wireRequestStates)[number];

export type StatusRow = {
  /** What makes the state true, in words (documentation and test names). */
  when: string;
  /** The one headline the person reads (kiosk namespace). */
  headlineKey: string;
  /**
   * The same state's headline on the emergency screen, where it must not say more or other than the banner above it
   * ("Call 911 now. Tell the officer at the front window right away."): never "please wait here".
   */
  emergencyHeadlineKey?: string;
  fallback: FallbackMode;
  /** Which of the three steps are ticked. */
  steps: { saved: boolean; delivered: boolean; answered: boolean };
  /** Whether the officer's own answer is shown under the headline. */
  showsAnswer: boolean;
  hold: ScreenHold;
  /** What the desk holds: nothing yet (null), or its state there. */
  desk: DeskRequestState | null;
};

const none = { saved: false, delivered: false, answered: false };
const saved = { saved: true, delivered: false, answered: false };
const delivered = { saved: true, delivered: true, answered: false };
const answered = { saved: true, delivered: true, answered: true };

/** The one table. Each state has exactly one headline; the fallback adds the other ways to get help. */
export const statusTable: Readonly<Record<RequestStatus, StatusRow>> = {
  saving: {
    when: 'the screen called submit and the core has not answered',
    headlineKey: 'status.headline.saving',
    fallback: 'none',
    steps: none,
    showsAnswer: false,
    hold: 'until-answered',
    desk: null,
  },
  sending: {
    when: 'saved on the kiosk (fsync), no channel took it yet, within fallbackAfterSeconds',
    headlineKey: 'status.headline.captured',
    fallback: 'none',
    steps: saved,
    showsAnswer: false,
    hold: 'until-answered',
    desk: null,
  },
  'not-reached-yet': {
    when: 'not delivered within fallbackAfterSeconds; the kiosk keeps trying',
    headlineKey: 'status.headline.notReachedYet',
    fallback: 'while-trying',
    steps: saved,
    showsAnswer: false,
    hold: 'until-answered',
    desk: null,
  },
  delivered: {
    when: 'a channel answered 2xx; not yet past the acknowledgement window',
    headlineKey: 'status.headline.delivered',
    emergencyHeadlineKey: 'status.headline.deliveredEmergency',
    fallback: 'none',
    steps: delivered,
    showsAnswer: false,
    hold: 'until-answered',
    desk: 'open',
  },
  'not-answered': {
    when: 'delivered, but no answer within acknowledgeWithinSeconds (escalated)',
    headlineKey: 'status.headline.notAnswered',
    fallback: 'also',
    steps: delivered,
    showsAnswer: false,
    hold: 'until-answered',
    desk: 'open',
  },
  'passed-on': {
    when: 'a channel took it, but no channel that took it (or may still) can report an answer to this screen: no desk, no statusUrl',
    headlineKey: 'status.headline.passedOn',
    fallback: 'also',
    steps: delivered,
    showsAnswer: false,
    // No answer can ever come here: stay a while for the person to read it, then start over calmly.
    hold: 'after-answer',
    desk: 'open',
  },
  answered: {
    when: 'a desk acknowledged it (first answer wins)',
    headlineKey: 'status.headline.acknowledged',
    fallback: 'none',
    steps: answered,
    showsAnswer: true,
    hold: 'after-answer',
    desk: 'acknowledged',
  },
  closed: {
    when: 'a desk closed it with an outcome',
    headlineKey: 'status.headline.closed',
    fallback: 'none',
    steps: answered,
    showsAnswer: false,
    hold: 'after-answer',
    desk: 'closed',
  },
  failed: {
    when: 'no channel took it and every page channel failed for good',
    headlineKey: 'status.headline.failed',
    fallback: 'only',
    steps: saved,
    showsAnswer: false,
    hold: 'idle',
    desk: null,
  },
  'not-saved': {
    when: 'submit was rejected: nothing was saved',
    headlineKey: 'status.headline.notSaved',
    fallback: 'only',
    steps: none,
    showsAnswer: false,
    hold: 'idle',
    desk: null,
  },
};

/** The facts about a request the kiosk core keeps, from which its status follows. */
export type StatusFacts = {
  phase: 'captured' | 'delivered' | 'acknowledged' | 'closed';
  /** fallbackAfterSeconds passed before any channel took it. */
  late: boolean;
  /** Every page channel failed for good and none took it. */
  failed: boolean;
  /** acknowledgeWithinSeconds passed without an answer (the escalation channels were paged). */
  escalated: boolean;
  /**
   * Whether an answer can still reach this screen: some channel that can report
   * acknowledgements (a desk, a webhook with statusUrl) took the request or may
   * still. Absent means yes (records from before contract 1.1).
   */
  answerable?: boolean;
};

/**
 * The status that follows from the kiosk core's facts. Later facts win:
 * delivered after the fallback is "delivered" (never again "still trying"),
 * and an answer ends every warning.
 */
export function statusOf(facts: StatusFacts): CoreRequestStatus {
  if (facts.phase === 'closed') return 'closed';
  if (facts.phase === 'acknowledged') return 'answered';
  if (facts.phase === 'delivered') {
    if (facts.answerable === false) return 'passed-on';
    return facts.escalated ? 'not-answered' : 'delivered';
  }
  if (facts.failed) return 'failed';
  return facts.late ? 'not-reached-yet' : 'sending';
}

/** The contract state a desk reports for the state it holds (derived from the table's desk column). */
export function wireStateOf(desk: DeskRequestState): WireRequestState {
  return desk === 'open' ? 'received' : desk;
}

/** Whether the person may still be waiting for an answer: the screen stays while this is true. */
export function awaitsAnswer(status: RequestStatus): boolean {
  return statusTable[status].hold === 'until-answered';
}
