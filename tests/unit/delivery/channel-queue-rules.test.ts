/**
 * Rules of one channel's queue (electron/core/delivery/channel-queue.ts) that
 * the kiosk-level tests do not reach: a task already waiting is not queued
 * twice, a closed service takes no more work, and a long outage does not
 * pile up listeners on the service's signal.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptResult } from '../../../electron/core/delivery/attempt.js';
import { createChannelQueue, type QueueTask } from '../../../electron/core/delivery/channel-queue.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

const retry = { initialDelayMs: 1, maxDelayMs: 2, horizonMinutes: 60 };
const task: QueueTask = { requestId: 'req_a', kind: 'created' };

/** A queue whose attempts answer from `answers` in turn (then delivered), recording each. */
function queue(answers: Array<AttemptResult | 'skip'>, signal = new AbortController().signal) {
  const attempts: Array<[string, number]> = [];
  const settled: Array<[string, string]> = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  /** Resolves once `count` tasks have settled. */
  const settledCount = (count: number) =>
    new Promise<void>((resolve) => (settled.length >= count ? resolve() : waiting.push({ count, resolve })));
  const created = createChannelQueue({
    channelId: 'hook',
    retry,
    signal,
    logger: createLogger('delivery', memorySink()),
    attempt: async (t, attempt) => {
      attempts.push([`${t.kind}:${t.requestId}`, attempt]);
      return answers.shift() ?? { outcome: 'delivered' };
    },
    settled: (t, result) => {
      settled.push([`${t.kind}:${t.requestId}`, result.outcome]);
      for (const waiter of waiting.filter((w) => settled.length >= w.count)) waiter.resolve();
    },
    random: () => 0.999,
  });
  return { push: created.push, attempts, settled, settledCount };
}

describe('a channel queue', () => {
  it('does not queue a task again while it is still waiting: it is sent and settled once', async () => {
    const { push, attempts, settled, settledCount } = queue([{ outcome: 'retry', reason: 'HTTP 503' }]);
    push(task);
    push(task);
    push({ ...task, kind: 'update' });
    await settledCount(2);
    expect(attempts).toEqual([
      ['created:req_a', 1],
      ['created:req_a', 2],
      ['update:req_a', 1],
    ]);
    expect(settled).toEqual([
      ['created:req_a', 'delivered'],
      ['update:req_a', 'delivered'],
    ]);
  });

  it('takes a task again once the earlier one has settled', async () => {
    const first = queue([]);
    first.push(task);
    await first.settledCount(1);
    first.push(task);
    await first.settledCount(2);
    expect(first.attempts).toEqual([
      ['created:req_a', 1],
      ['created:req_a', 1],
    ]);
  });

  it('takes no work once the service has closed', async () => {
    const controller = new AbortController();
    controller.abort();
    const { push, attempts } = queue([], controller.signal);
    push(task);
    // A queue that takes a task makes its first attempt at once, within push.
    expect(attempts).toEqual([]);
  });

  it("leaves no listener behind on the service's signal after each wait, however long the outage", async () => {
    const controller = new AbortController();
    const outage: AttemptResult[] = Array.from({ length: 30 }, () => ({ outcome: 'retry', reason: 'ECONNREFUSED' }));
    const { push, attempts, settledCount } = queue(outage, controller.signal);
    push(task);
    await settledCount(1);
    expect(attempts).toHaveLength(31);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('drops a task that no longer applies without settling it, and goes on with the next', async () => {
    const { push, attempts, settled, settledCount } = queue(['skip']);
    push(task);
    push({ ...task, requestId: 'req_b' });
    await settledCount(1);
    expect(attempts).toEqual([
      ['created:req_a', 1],
      ['created:req_b', 1],
    ]);
    expect(settled).toEqual([['created:req_b', 'delivered']]);
  });

  it('settles nothing, and logs no retry, for an attempt that ends after the service closed', async () => {
    const sink = memorySink();
    const settled: string[] = [];
    for (const answer of [{ outcome: 'delivered' }, { outcome: 'retry', reason: 'HTTP 503' }] satisfies AttemptResult[]) {
      let finished: () => void = () => {};
      const attemptDone = new Promise<void>((resolve) => (finished = resolve));
      const controller = new AbortController();
      createChannelQueue({
        channelId: 'hook',
        retry,
        signal: controller.signal,
        logger: createLogger('delivery', sink),
        attempt: async () => {
          controller.abort();
          setImmediate(finished);
          return answer;
        },
        settled: (t) => settled.push(t.requestId),
      }).push(task);
      await attemptDone;
    }
    expect(settled).toEqual([]);
    expect(sink.entries).toEqual([]);
  });
});

describe('the wait between attempts', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ends when the service closes, leaving no timer behind', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { push, attempts } = queue([{ outcome: 'retry', reason: 'HTTP 429', retryAfterMs: 60_000 }], controller.signal);
    push(task);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(attempts).toHaveLength(1);
  });
});
