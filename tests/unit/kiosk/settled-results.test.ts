/**
 * What the kiosk writes down about each channel's result must be what
 * happened at the wire: an attempt that throws is retried. (A page that no
 * longer applies is dropped: delivery/closed-page-dropped.test.ts. That
 * nothing delivered goes out again after a restart: durability.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { createChannelQueue, type QueueTask } from '../../../electron/core/delivery/channel-queue.js';
import type { AttemptResult } from '../../../electron/core/delivery/attempt.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

describe('an attempt that throws', () => {
  it('is logged, retried with the same task, and delivered; the queue goes on to the next task', async () => {
    const sink = memorySink();
    const abort = new AbortController();
    const tried: string[] = [];
    const settled: Array<[string, AttemptResult['outcome']]> = [];
    let done: () => void = () => undefined;
    const allSettled = new Promise<void>((resolve) => (done = resolve));
    const queue = createChannelQueue({
      channelId: 'hook',
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
      logger: createLogger('test', sink),
      signal: abort.signal,
      attempt: async (task: QueueTask, attempt: number) => {
        tried.push(`${task.requestId}#${attempt}`);
        if (task.requestId === 'a' && attempt === 1) throw new Error('the channel broke');
        return { outcome: 'delivered' };
      },
      settled: (task, result) => {
        settled.push([task.requestId, result.outcome]);
        if (settled.length === 2) done();
      },
    });
    queue.push({ requestId: 'a', kind: 'created' });
    queue.push({ requestId: 'b', kind: 'created' });
    await allSettled;
    abort.abort();
    expect(tried).toEqual(['a#1', 'a#2', 'b#1']);
    expect(settled).toEqual([
      ['a', 'delivered'],
      ['b', 'delivered'],
    ]);
    expect(sink.entries.find((e) => e.message === 'delivery attempt threw')?.fields).toMatchObject({ channel: 'hook', requestId: 'a' });
    expect(sink.entries.find((e) => e.message === 'delivery will be retried')?.fields).toMatchObject({
      reason: 'internal error',
      attempt: 1,
    });
  });
});
