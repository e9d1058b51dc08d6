import { describe, expect, it } from 'vitest';
import { maxRetryAfterMs, retryDelayMs } from '../../../electron/core/delivery/backoff.js';

const policy = { initialDelayMs: 100, maxDelayMs: 1000 };

describe('retry delays', () => {
  it('grow exponentially from the initial delay and stop at the cap', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, policy, undefined, top))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('are jittered between half and all of the ceiling, never zero', () => {
    expect(retryDelayMs(3, policy, undefined, () => 0)).toBe(200);
    const samples = Array.from({ length: 200 }, () => retryDelayMs(3, policy, undefined));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...samples)).toBeLessThanOrEqual(400);
    expect(new Set(samples).size).toBeGreaterThan(10);
  });

  it('wait at least as long as Retry-After asks, within reason', () => {
    expect(retryDelayMs(1, policy, 5000, () => 0.5)).toBe(5000);
    expect(retryDelayMs(1, policy, 10, () => 0.5)).toBe(75);
    expect(retryDelayMs(1, policy, 24 * 3_600_000, () => 0.5)).toBe(maxRetryAfterMs);
  });
});
