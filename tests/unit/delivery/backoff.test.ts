import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { maxRetryAfterMs, retryDelayMs } from '../../../electron/core/delivery/backoff.js';
import { deviceConfigSchema } from '../../../shared/config.js';
import { repoRoot, resourcesDir } from '../support/temp-config.js';

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

describe('the documented first retry delay', () => {
  it('is the one backoff.ts computes from the default config (docs/backend-contract.md says it in one marked line)', async () => {
    const doc = await readFile(path.join(repoRoot, 'docs', 'backend-contract.md'), 'utf8');
    const line = /<!-- first-retry-delay -->\n(.*)/.exec(doc)?.[1] ?? '';
    const [low, high] = [...line.matchAll(/\*\*(\d+) to (\d+) ms\*\*/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
    const shipped = deviceConfigSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, 'config', 'kiosk.json'), 'utf8')));
    if (shipped.role !== 'kiosk') throw new Error('expected the shipped kiosk config');
    const defaults = shipped.delivery.retry;
    expect(low).toBe(retryDelayMs(1, defaults, undefined, () => 0));
    expect(high).toBe(retryDelayMs(1, defaults, undefined, () => 1 - Number.EPSILON));
  });
});
