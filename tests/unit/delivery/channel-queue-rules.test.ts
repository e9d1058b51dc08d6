/**
 * Rules of one channel's queue (electron/core/delivery/channel-queue.ts) that
 * the kiosk-level tests do not reach: a task already waiting is not queued
 * twice, a closed service takes no more work, and a long outage does not
 * pile up listeners on the service's signal.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../electron/core/delivery/attempt.js';
import { createChannelQueue, type QueueTask } from '../../../electron/core/delivery/channel-queue.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

const retry = { initialDelayMs: 1, maxDelayMs: 2, horizonMinutes: 60 };
const task: QueueTask = { requestId: 'req_a', kind: 'created' };

/** A queue whose attempts answer from `answers` in turn (then delivered), recording each. */
function queue(answers: AttemptResult[], signal = new AbortController().signal) {
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
});
