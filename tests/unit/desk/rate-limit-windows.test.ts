/**
 * The per-kiosk limit on its own: where a minute ends, how long a kiosk is
 * told to wait, and what the log says about what was dropped.
 */
import { describe, expect, it } from 'vitest';
import { createKioskRateLimit } from '../../../electron/core/desk/kiosk-rate-limit.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

function limitOf(messagesPerKioskPerMinute: number, requestsPerKioskPerMinute: number) {
  const sink = memorySink();
  const limit = createKioskRateLimit({ messagesPerKioskPerMinute, requestsPerKioskPerMinute }, createLogger('desk', sink));
  const warnings = () => sink.entries.filter((e) => e.level === 'warn').map((e) => [e.message, e.fields]);
  return { limit, warnings };
}

describe('the per-kiosk limit', () => {
  it('a minute is 60 s from its first message, to the millisecond', () => {
    const { limit } = limitOf(1, 1);
    expect(limit.admit('K1', false, 0)).toBeUndefined();
    expect(limit.admit('K1', false, 59_999)).toBe(1);
    expect(limit.admit('K1', false, 60_000)).toBeUndefined();
  });

  it('tells the kiosk to wait until its minute is over, in whole seconds, at least one', () => {
    const { limit } = limitOf(1, 1);
    limit.admit('K1', false, 1_000);
    expect(limit.admit('K1', false, 11_000)).toBe(50);
    expect(limit.admit('K1', false, 11_500)).toBe(50);
    expect(limit.admit('K1', false, 60_900)).toBe(1);
  });

  it('says once when a kiosk reaches its limit, naming the kind, and counts what it dropped when the minute ends', () => {
    const { limit, warnings } = limitOf(5, 1);
    limit.admit('K1', true, 0);
    limit.admit('K1', true, 1_000);
    limit.admit('K1', true, 2_000);
    limit.admit('K1', false, 3_000);
    expect(warnings()).toEqual([['a kiosk reached its per-minute limit; answering 429', { kioskId: 'K1', kind: 'request' }]]);
    // The next minute: what the last one dropped, once.
    limit.admit('K1', false, 61_000);
    limit.admit('K1', false, 62_000);
    expect(warnings().slice(1)).toEqual([['dropped messages from a kiosk over its per-minute limit', { kioskId: 'K1', count: 2 }]]);
  });

  it('a minute with nothing dropped ends without a word, and a message over the limit is named a message', () => {
    const { limit, warnings } = limitOf(1, 1);
    limit.admit('K1', false, 0);
    limit.admit('K1', false, 60_000);
    expect(warnings()).toEqual([]);
    limit.admit('K1', false, 60_001);
    expect(warnings()).toEqual([['a kiosk reached its per-minute limit; answering 429', { kioskId: 'K1', kind: 'message' }]]);
  });
});
