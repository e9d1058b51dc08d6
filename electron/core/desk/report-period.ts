/**
 * The days a report covers, in the desk's local time: "day" is today so far,
 * "week" the last 7 days, "month" the last 30 and "year" the last 365 (beyond
 * the default retention: only the anonymous summaries remain), each including today.
 */
import type { ReportPeriod } from '../../../shared/desk.js';

const periodDays: Record<ReportPeriod, number> = { day: 1, week: 7, month: 30, year: 365 };

export type ReportRange = { fromMs: number; toMs: number; dates: string[] };

/** "2026-11-22" for a moment, in the desk's local time zone. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The range a period covers, ending at `now`, with every local date in it. */
export function reportRange(period: ReportPeriod, now: number): ReportRange {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (periodDays[period] - 1));
  const dates: string[] = [];
  // Stepping by calendar day (not 24 h) keeps daylight-saving days whole.
  for (const day = new Date(start); day.getTime() <= now; day.setDate(day.getDate() + 1)) dates.push(localDate(day.getTime()));
  return { fromMs: start.getTime(), toMs: now, dates };
}
