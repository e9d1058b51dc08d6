/**
 * The report as CSV for the program's reporting: one row per day and a
 * total row naming the date range. Anonymous counts only: no names, no
 * references, no kiosk ids.
 */
import type { ReportPeriod } from '../../../shared/desk.js';
import { closeOutcomes, priorities, requestKinds } from '../../../shared/request.js';
import { summariesByDay, tally, type Tally } from './desk-report.js';
import type { RequestSummary } from './stored-request.js';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break. A leading =, +, - or @ is defused so a spreadsheet never runs it.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(label: string, counts: Tally, languages: readonly string[]): (string | number)[] {
  return [
    label,
    counts.total,
    ...requestKinds.map((k) => counts.byKind[k]),
    ...priorities.map((p) => counts.byPriority[p]),
    ...closeOutcomes.map((o) => counts.byOutcome[o]),
    counts.byOutcome.open,
    counts.timeToAcknowledge.count,
    counts.timeToAcknowledge.medianSeconds ?? '',
    counts.timeToAcknowledge.p90Seconds ?? '',
    ...languages.map((l) => counts.byLanguage[l] ?? 0),
  ];
}

/** The CSV text and a file name carrying the program and the date range. */
export function reportCsv(program: string, period: ReportPeriod, summaries: readonly RequestSummary[], now: number) {
  const { range, days } = summariesByDay(period, summaries, now);
  const all = tally([...days.values()].flat());
  const languages = Object.keys(all.byLanguage).sort();
  const header = [
    'date',
    'requests',
    ...requestKinds.map((k) => `kind ${k}`),
    ...priorities.map((p) => `priority ${p}`),
    ...closeOutcomes.map((o) => `outcome ${o}`),
    'still open',
    'acknowledged',
    'median seconds to acknowledge',
    'p90 seconds to acknowledge',
    ...languages.map((l) => `language ${l}`),
  ];
  // A range always holds today at least.
  const first = range.dates[0] as string;
  const last = range.dates.at(-1) as string;
  const rows = [
    header,
    ...[...days].map(([date, list]) => row(date, tally(list), languages)),
    row(`total ${first} to ${last}`, all, languages),
  ];
  const csv = rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
  const slug =
    program
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'program';
  return { fileName: `${slug}-report-${first}-to-${last}.csv`, csv };
}
