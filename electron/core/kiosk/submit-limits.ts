/**
 * How the kiosk keeps one person's repeated taps, or a burst of them, from
 * paging every channel again and again (issue 11, B5). Two rules, in order:
 *
 * 1. Collapse: a submission from the touchscreen (it carries its visit's
 *    idempotency key) for the same kind and priority as a request captured
 *    less than `collapseSeconds` ago that is still unanswered is that
 *    request: the person sees it, and nothing new is paged.
 * 2. Rate: at most `maxRequestsPerMinute` new requests in any rolling
 *    minute. Beyond it a submission is collapsed into the newest unanswered
 *    request of the same kind and priority, or, when there is none, refused
 *    (the screen then shows the other ways to get help: nothing is claimed).
 *
 * Both log what they dropped as counts only.
 */
import type { DeliveryConfig } from '../../../shared/config.js';
import type { ValidRequestInput } from '../../../shared/request.js';
import { priorityOf } from '../../../shared/request.js';
import type { Logger } from '../logger.js';
import type { RequestRecord } from './request-record.js';

export type SubmitDecision = { kind: 'capture' } | { kind: 'collapse'; into: RequestRecord } | { kind: 'refuse' };

export type SubmitLimits = {
  /** What to do with this submission, given every record the kiosk holds. */
  decide(input: ValidRequestInput, records: readonly RequestRecord[], at: number): SubmitDecision;
};

const minuteMs = 60_000;

/** Captured or delivered, not failed: the person may still be waiting for an answer to it. */
const unanswered = (record: RequestRecord) => (record.phase === 'captured' || record.phase === 'delivered') && !record.failed;

export function createSubmitLimits(
  delivery: Pick<DeliveryConfig, 'collapseSeconds' | 'maxRequestsPerMinute'>,
  logger: Logger,
): SubmitLimits {
  let collapsed = 0;
  let refused = 0;
  const collapse = (into: RequestRecord, reason: 'repeat' | 'rate'): SubmitDecision => {
    collapsed += 1;
    logger.warn('a submission was collapsed into an open request; nothing new was paged', { reason, count: collapsed });
    return { kind: 'collapse', into };
  };
  return {
    decide(input, records, at) {
      const priority = priorityOf(input);
      const newestFirst = records
        .filter((r) => unanswered(r) && r.kind === input.kind && r.priority === priority)
        .sort((a, b) => b.seq - a.seq);
      const newest = newestFirst[0];
      const fromScreen = input.idempotencyKey !== undefined;
      if (fromScreen && newest && at - Date.parse(newest.createdAt) < delivery.collapseSeconds * 1000) return collapse(newest, 'repeat');
      const lastMinute = records.filter((r) => at - Date.parse(r.createdAt) < minuteMs).length;
      if (lastMinute < delivery.maxRequestsPerMinute) return { kind: 'capture' };
      if (newest) return collapse(newest, 'rate');
      refused += 1;
      logger.warn('a submission was refused: too many requests this minute', { count: refused });
      return { kind: 'refuse' };
    },
  };
}
