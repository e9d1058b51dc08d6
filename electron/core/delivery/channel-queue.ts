/**
 * One channel's outbox queue: tasks are sent one at a time, oldest first.
 * A task that must be retried stays at the head, so when a backend comes
 * back after an outage the backlog drains in capture order, once each.
 */
import type { Logger } from '../logger.js';
import type { AttemptResult } from './attempt.js';
import { retryDelayMs, type RetryPolicy } from './backoff.js';

export type QueueTask = { requestId: string; kind: 'created' | 'update' };
/** `skip`: the task no longer applies (the request was purged or already settled). */
export type TaskAttempt = (task: QueueTask, attempt: number, signal: AbortSignal) => Promise<AttemptResult | 'skip'>;
export type TaskSettled = (task: QueueTask, result: Exclude<AttemptResult, { outcome: 'retry' }>) => void;

/** Stops with the service's signal: an abort ends the wait between attempts and the loop. */
export type ChannelQueue = {
  push(task: QueueTask): void;
};

const keyOf = (task: QueueTask) => `${task.kind}:${task.requestId}`;

/**
 * Starts the worker for one channel. `attempt` makes one try; `settled`
 * hears about every final result (delivered or permanently failed).
 */
export function createChannelQueue(options: {
  channelId: string;
  retry: RetryPolicy;
  attempt: TaskAttempt;
  settled: TaskSettled;
  logger: Logger;
  signal: AbortSignal;
  random?: () => number;
}): ChannelQueue {
  const { channelId, logger, signal } = options;
  const tasks: QueueTask[] = [];
  const queued = new Set<string>();
  let running = false;

  // Between attempts: the delay, cut short when the service closes.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      // `done` removes the listener itself, whichever of the two comes first.
      signal.addEventListener('abort', done);
    });

  const run = async () => {
    running = true;
    let attempt = 1;
    while (!signal.aborted && tasks.length > 0) {
      const task = tasks[0] as QueueTask;
      const result = await options.attempt(task, attempt, signal).catch((error: unknown): AttemptResult => {
        logger.error('delivery attempt threw', { channel: channelId, requestId: task.requestId, error: error as Error });
        return { outcome: 'retry', reason: 'internal error' };
      });
      if (signal.aborted) break;
      if (result !== 'skip' && result.outcome === 'retry') {
        const delayMs = retryDelayMs(attempt, options.retry, result.retryAfterMs, options.random);
        logger.warn('delivery will be retried', {
          channel: channelId,
          requestId: task.requestId,
          type: task.kind,
          attempt,
          reason: result.reason,
          delayMs,
        });
        attempt += 1;
        await wait(delayMs);
        continue;
      }
      tasks.shift();
      queued.delete(keyOf(task));
      attempt = 1;
      if (result !== 'skip') options.settled(task, result);
    }
    running = false;
  };

  return {
    // After the service closed, the loop below makes no attempt: a task pushed then is never sent.
    push(task) {
      if (queued.has(keyOf(task))) return;
      queued.add(keyOf(task));
      tasks.push(task);
      if (!running) void run();
    },
  };
}
