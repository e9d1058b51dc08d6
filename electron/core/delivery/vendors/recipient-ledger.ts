/**
 * Who already has a page, for channels with several recipients (SMS, email).
 * A retry then reaches only those still pending, so nobody gets the same page
 * twice from this process. Kept in memory: after a restart the outbox's
 * at-least-once delivery may repeat a page, which beats losing one. A page is
 * forgotten once settled; a test page after each attempt (it is never retried).
 */
import type { AttemptResult, PageMessage } from '../attempt.js';

export type PageProgress = {
  readonly accepted: Set<string>;
  /** Refused for good (an invalid number, an unknown mailbox): not tried again. */
  readonly refused: Set<string>;
  /** The first refusal's reason, for the log and a permanent result. */
  firstRefusal?: string;
};

/**
 * One attempt's result, and whether the page is settled (delivered, or given up for good) and can be forgotten.
 * A test page is forgotten after every attempt, settled or not (`attempt`).
 */
export type LedgerOutcome = { result: AttemptResult; settled: boolean };

export type RecipientLedger = {
  /**
   * Runs one attempt for a page with its progress so far. While another
   * attempt for the same page is still running it answers retry without
   * running: the outbox should never do that, and two texts would be worse
   * than a retry.
   */
  attempt(message: PageMessage, run: (progress: PageProgress) => Promise<LedgerOutcome>): Promise<AttemptResult>;
};

/** Pages the outbox gave up on never come back; memory stays bounded anyway. */
const maxRemembered = 200;

/** A page and its escalation are different messages: the escalation reaches everyone again. A test page never shares a real page's entry. */
const keyOf = (message: PageMessage) => `${message.reference}|${message.test ? 'test' : message.escalation ? 'escalation' : 'page'}`;

/** Recipients of `all` not yet accepted or refused, in configured order. */
export function pendingOf(progress: PageProgress, all: readonly string[]): string[] {
  return all.filter((to) => !progress.accepted.has(to) && !progress.refused.has(to));
}

export function createRecipientLedger(): RecipientLedger {
  const byPage = new Map<string, PageProgress>();
  const running = new Set<string>();
  return {
    async attempt(message, run) {
      const key = keyOf(message);
      if (running.has(key)) return { outcome: 'retry', reason: 'an attempt for this page is still running' };
      running.add(key);
      let progress = byPage.get(key);
      if (!progress) {
        progress = { accepted: new Set(), refused: new Set() };
        byPage.set(key, progress);
        if (byPage.size > maxRemembered) byPage.delete(byPage.keys().next().value!);
      }
      let settled = false;
      try {
        const outcome = await run(progress);
        settled = outcome.settled;
        return outcome.result;
      } finally {
        running.delete(key);
        // A test page is one attempt, never retried, and every test page has the same reference (K1-0000):
        // kept, it would make the admin's next test page skip whoever this one reached.
        if (settled || message.test === true) byPage.delete(key);
      }
    },
  };
}
