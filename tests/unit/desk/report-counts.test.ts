/**
 * The program report's numbers from anonymous summaries: which requests a
 * period counts, per day, and the acknowledgement times a department reads.
 * Times are built in the desk's local time zone, as the report's days are.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/core/desk/desk-report.js';
import { reportCsv } from '../../../electron/core/desk/report-csv.js';
import type { RequestSummary } from '../../../electron/core/desk/stored-request.js';

/** 20 November 2026, 15:00 on the desk's clock. */
const now = new Date(2026, 10, 20, 15, 0, 0).getTime();
const local = (day: number, hour = 12, minute = 0, ms = 0) => new Date(2026, 10, day, hour, minute, 0, ms).getTime();

function summary(at: number, overrides: Partial<RequestSummary> = {}): RequestSummary {
  return { receivedAt: new Date(at).toISOString(), kind: 'help-self', priority: 'normal', language: 'en', outcome: 'open', ...overrides };
}

describe('the program report', () => {
  it('takes the median and the 90th percentile of the waits in order of length, not of arrival', () => {
    const waits = [40, 5, 100, 9];
    const report = buildReport(
      'day',
      waits.map((wait, index) => summary(local(20, 9 + index), { acknowledgeSeconds: wait })),
      now,
    );
    expect(report.timeToAcknowledge).toStrictEqual({ count: 4, medianSeconds: 9, p90Seconds: 100 });
  });

  it('rounds the times to a tenth of a second', () => {
    const report = buildReport('day', [summary(local(20, 9), { acknowledgeSeconds: 12.34 })], now);
    expect(report.timeToAcknowledge).toStrictEqual({ count: 1, medianSeconds: 12.3, p90Seconds: 12.3 });
  });

  it('with nothing acknowledged has no median or 90th percentile at all, and the CSV leaves those cells empty', () => {
    const summaries = [summary(local(20, 9)), summary(local(20, 10), { outcome: 'not-today' })];
    expect(buildReport('day', summaries, now).timeToAcknowledge).toStrictEqual({ count: 0 });
    const { csv } = reportCsv('Safe Passage', 'day', summaries, now);
    const [header, today] = csv.trimEnd().split('\r\n');
    const cells = Object.fromEntries((header ?? '').split(',').map((name, i) => [name, (today ?? '').split(',')[i]]));
    expect(cells).toMatchObject({
      date: '2026-11-20',
      requests: '2',
      acknowledged: '0',
      'median seconds to acknowledge': '',
      'p90 seconds to acknowledge': '',
    });
  });

  it('a week counts from midnight six days ago to now, per day, oldest first', () => {
    const summaries = [
      summary(local(14, 0, 0) - 1), // a moment before the week began
      summary(local(14, 0, 0)), // the first moment of the week
      summary(local(17, 8)),
      summary(local(17, 23, 59)),
      summary(now), // this very moment
    ];
    const report = buildReport('week', summaries, now);
    expect(report.total).toBe(4);
    expect(report.perDay).toEqual([
      { date: '2026-11-14', count: 1 },
      { date: '2026-11-15', count: 0 },
      { date: '2026-11-16', count: 0 },
      { date: '2026-11-17', count: 2 },
      { date: '2026-11-18', count: 0 },
      { date: '2026-11-19', count: 0 },
      { date: '2026-11-20', count: 1 },
    ]);
    expect(report.from).toBe(new Date(local(14, 0, 0)).toISOString());
    expect(report.to).toBe(new Date(now).toISOString());
  });

  it('a request stamped later today than now (the desk clock was set back since) is not in the report so far', () => {
    const later = summary(now + 60_000);
    const report = buildReport('day', [summary(now - 60_000), later], now);
    expect(report.total).toBe(1);
    expect(report.perDay).toEqual([{ date: '2026-11-20', count: 1 }]);
    expect(reportCsv('Safe Passage', 'day', [later], now).csv.split('\r\n')[1]).toMatch(/^2026-11-20,0,/);
  });
});
