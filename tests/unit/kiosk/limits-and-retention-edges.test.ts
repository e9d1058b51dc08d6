/**
 * The exact edges of the submit limits and of retention, on records made by
 * the kiosk's own `newRecord` and a clock the test sets: each window is
 * "less than" its length (the instant it ends is outside it), and only an
 * unanswered request of the same kind and priority can take a submission.
 */
import { describe, expect, it } from 'vitest';
import { initialChannels } from '../../../electron/core/kiosk/channel-states.js';
import { newRecord } from '../../../electron/core/kiosk/new-record.js';
import type { RequestRecord } from '../../../electron/core/kiosk/request-record.js';
import { retentionExpired } from '../../../electron/core/kiosk/retention.js';
import { createSubmitLimits } from '../../../electron/core/kiosk/submit-limits.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { sampleInput } from './support/kiosk-harness.js';

const t0 = Date.parse('2026-11-30T10:00:00Z');
const hour = 3_600_000;

let seq = 0;
const recordAt = (at: number, input = sampleInput(), changes: Partial<RequestRecord> = {}): RequestRecord => ({
  ...newRecord(input, { kioskId: 'K1', seq: seq++, taken: new Set(), now: at, channels: initialChannels([]) }),
  ...changes,
});

const limitsWith = (collapseSeconds: number, maxRequestsPerMinute: number) => {
  const sink = memorySink();
  return { limits: createSubmitLimits({ collapseSeconds, maxRequestsPerMinute }, createLogger('test', sink)), log: sink.entries };
};

const fromScreen = (key: string) => sampleInput({ idempotencyKey: `visit-${key}-0000` });

describe('collapsing a repeat from the screen', () => {
  it('takes a repeat made 29.999 s after the request, not one made at 30 s', () => {
    const { limits } = limitsWith(30, 100);
    const earlier = recordAt(t0);
    expect(limits.decide(fromScreen('v2'), [earlier], t0 + 29_999)).toEqual({ kind: 'collapse', into: earlier });
    expect(limits.decide(fromScreen('v2'), [earlier], t0 + 30_000)).toEqual({ kind: 'capture' });
  });

  it('collapses into the newest of several open requests, and logs only the reason and a count', () => {
    const { limits, log } = limitsWith(30, 100);
    const older = recordAt(t0);
    const newer = recordAt(t0 + 1_000);
    expect(limits.decide(fromScreen('v3'), [newer, older], t0 + 2_000)).toEqual({ kind: 'collapse', into: newer });
    expect(limits.decide(fromScreen('v4'), [older, newer], t0 + 2_000)).toEqual({ kind: 'collapse', into: newer });
    expect(log.map((e) => [e.level, e.message, e.fields])).toEqual([
      ['warn', 'a submission was collapsed into an open request; nothing new was paged', { reason: 'repeat', count: 1 }],
      ['warn', 'a submission was collapsed into an open request; nothing new was paged', { reason: 'repeat', count: 2 }],
    ]);
  });

  it('never takes a request already answered, closed or failed, nor one of another kind or priority', () => {
    const { limits } = limitsWith(30, 100);
    const at = t0 + 1_000;
    for (const phase of ['acknowledged', 'closed'] as const)
      expect(limits.decide(fromScreen('v'), [recordAt(t0, sampleInput(), { phase })], at), phase).toEqual({ kind: 'capture' });
    expect(limits.decide(fromScreen('v'), [recordAt(t0, sampleInput(), { failed: true })], at)).toEqual({ kind: 'capture' });
    expect(limits.decide(fromScreen('v'), [recordAt(t0, sampleInput({ kind: 'drop-off' }))], at)).toEqual({ kind: 'capture' });
    expect(limits.decide(fromScreen('v'), [recordAt(t0, sampleInput({ dangerNow: true }))], at)).toEqual({ kind: 'capture' });
    const delivered = recordAt(t0, sampleInput(), { phase: 'delivered' });
    expect(limits.decide(fromScreen('v'), [delivered], at)).toEqual({ kind: 'collapse', into: delivered });
  });

  it('does not collapse a submission that is not from the screen (no visit key)', () => {
    const { limits } = limitsWith(30, 100);
    expect(limits.decide(sampleInput(), [recordAt(t0)], t0 + 1_000)).toEqual({ kind: 'capture' });
  });
});

describe('the rate limit', () => {
  it('counts requests made less than 60 s ago: at the limit a new one joins the newest open one, a minute later it is captured', () => {
    const { limits, log } = limitsWith(0, 2);
    const a = recordAt(t0);
    const b = recordAt(t0 + 10_000);
    expect(limits.decide(sampleInput(), [a], t0 + 20_000)).toEqual({ kind: 'capture' });
    expect(limits.decide(sampleInput(), [a, b], t0 + 59_999)).toEqual({ kind: 'collapse', into: b });
    expect(limits.decide(sampleInput(), [a, b], t0 + 60_000)).toEqual({ kind: 'capture' });
    expect(log.at(-1)?.fields).toEqual({ reason: 'rate', count: 1 });
  });

  it('refuses when nothing open can take it, counting each refusal', () => {
    const { limits, log } = limitsWith(0, 1);
    const records = [recordAt(t0, sampleInput({ kind: 'drop-off' }))];
    expect(limits.decide(sampleInput(), records, t0 + 1_000)).toEqual({ kind: 'refuse' });
    expect(limits.decide(sampleInput(), records, t0 + 2_000)).toEqual({ kind: 'refuse' });
    expect(log.map((e) => [e.level, e.message, e.fields])).toEqual([
      ['warn', 'a submission was refused: too many requests this minute', { count: 1 }],
      ['warn', 'a submission was refused: too many requests this minute', { count: 2 }],
    ]);
  });
});

describe('retention', () => {
  const retention = { hoursAfterClose: 24, maxOpenHours: 72 };

  it('keeps an open request until exactly maxOpenHours after capture', () => {
    const open = recordAt(t0);
    expect(retentionExpired(open, t0 + 72 * hour - 1, retention)).toBeUndefined();
    expect(retentionExpired(open, t0 + 72 * hour, retention)).toBe('max-open');
  });

  it('keeps a closed request until exactly hoursAfterClose after the kiosk learned of the closure', () => {
    const closed = recordAt(t0, sampleInput(), { phase: 'closed', closedAt: new Date(t0 + 10 * hour).toISOString() });
    expect(retentionExpired(closed, t0 + 34 * hour - 1, retention)).toBeUndefined();
    expect(retentionExpired(closed, t0 + 34 * hour, retention)).toBe('after-close');
  });

  it('still purges a closed request at maxOpenHours after capture when that comes first', () => {
    const closed = recordAt(t0, sampleInput(), { phase: 'closed', closedAt: new Date(t0 + 60 * hour).toISOString() });
    expect(retentionExpired(closed, t0 + 72 * hour, retention)).toBe('max-open');
  });
});
