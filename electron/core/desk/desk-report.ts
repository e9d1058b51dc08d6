/**
 * Anonymous counts for program reporting, from live requests and the
 * summaries retention left behind. No names, no references, no kiosks.
 */
import type { DeskReport, ReportPeriod } from '../../../shared/desk.js';
import { closeOutcomes, priorities, requestKinds } from '../../../shared/request.js';
import { localDate, reportRange } from './report-period.js';
import type { RequestSummary } from './stored-request.js';

export type Tally = Pick<DeskReport, 'total' | 'byKind' | 'byPriority' | 'byLanguage' | 'byOutcome' | 'timeToAcknowledge'>;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Nearest-rank percentile of sorted values (at least one), rounded to a tenth of a second. */
function percentile(sorted: readonly number[], fraction: number): number {
  const value = sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number;
  return Math.round(value * 10) / 10;
}

/** Counts a set of summaries by kind, priority, language and outcome, with acknowledgement times. */
export function tally(summaries: readonly RequestSummary[]): Tally {
  const result: Tally = {
    total: summaries.length,
    byKind: zeroes(requestKinds),
    byPriority: zeroes(priorities),
    byLanguage: {},
    byOutcome: zeroes([...closeOutcomes, 'open' as const]),
    timeToAcknowledge: { count: 0 },
  };
  const waits: number[] = [];
  for (const s of summaries) {
    result.byKind[s.kind] += 1;
    result.byPriority[s.priority] += 1;
    result.byLanguage[s.language] = (result.byLanguage[s.language] ?? 0) + 1;
    result.byOutcome[s.outcome] += 1;
    if (s.acknowledgeSeconds !== undefined) waits.push(s.acknowledgeSeconds);
  }
  if (waits.length > 0) {
    waits.sort((a, b) => a - b);
    result.timeToAcknowledge = { count: waits.length, medianSeconds: percentile(waits, 0.5), p90Seconds: percentile(waits, 0.9) };
  }
  return result;
}

/** The summaries of `period` ending at `now`, grouped by local date (every date present, oldest first). */
export function summariesByDay(period: ReportPeriod, summaries: readonly RequestSummary[], now: number) {
  const range = reportRange(period, now);
  const days = new Map<string, RequestSummary[]>(range.dates.map((date) => [date, []]));
  for (const s of summaries) {
    const at = Date.parse(s.receivedAt);
    // A date outside the period has no entry. Later than now (the clock was set back since) is not "so far".
    if (at <= range.toMs) days.get(localDate(at))?.push(s);
  }
  return { range, days };
}

/**
 * The report for `period` ending at `now`.
 * @param summaries every request's anonymous summary, live and purged alike
 */
export function buildReport(period: ReportPeriod, summaries: readonly RequestSummary[], now: number): DeskReport {
  const { range, days } = summariesByDay(period, summaries, now);
  return {
    period,
    from: new Date(range.fromMs).toISOString(),
    to: new Date(range.toMs).toISOString(),
    ...tally([...days.values()].flat()),
    perDay: [...days].map(([date, list]) => ({ date, count: list.length })),
  };
}
