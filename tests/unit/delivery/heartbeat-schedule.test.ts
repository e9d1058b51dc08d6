/**
 * The kiosk's heartbeats (electron/core/delivery/heartbeat.ts): when each
 * channel gets one, what it says, that a hanging receiver does not stack
 * them up, and that the log hears only when a channel starts or stops
 * accepting them. The channels here are the test's own, answering as told;
 * the clock is Vitest's, moved by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttemptResult } from '../../../electron/core/delivery/attempt.js';
import type { ChannelSender } from '../../../electron/core/delivery/channel-sender.js';
import { startHeartbeats } from '../../../electron/core/delivery/heartbeat.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import type { Heartbeat } from '../../../shared/backend/messages.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Beat = Omit<Heartbeat, 'sentAt'>;

/** A channel that records each beat and answers with what `answer` gives (a promise the test may hold). */
function channel(id: string, answer: () => Promise<AttemptResult>, heartbeatEveryMs?: number) {
  const beats: Beat[] = [];
  const sender: ChannelSender = {
    channelId: id,
    type: 'desk',
    use: 'page',
    deliver: () => Promise.resolve({ outcome: 'delivered' }),
    heartbeat: (beat) => {
      beats.push(beat);
      return answer();
    },
    ...(heartbeatEveryMs ? { heartbeatEveryMs } : {}),
  };
  return { sender, beats };
}

const delivered = () => Promise.resolve<AttemptResult>({ outcome: 'delivered' });

function start(senders: ChannelSender[], counts = { depth: 0, failed: 0 }) {
  const sink = memorySink();
  const controller = new AbortController();
  const stop = startHeartbeats({
    senders,
    kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
    intervalMs: 10_000,
    outboxDepth: () => counts.depth,
    failedDeliveries: () => counts.failed,
    logger: createLogger('delivery', sink),
    signal: controller.signal,
  });
  const logged = () => sink.entries.map((e) => [e.level, e.message, e.fields?.channel, e.fields?.reason]);
  return { stop, abort: () => controller.abort(), logged };
}

describe('heartbeats', () => {
  it("beat once at once, then every channel's own interval or the kiosk's, and never on a channel without heartbeats", async () => {
    const desk = channel('desk', delivered);
    const hook = channel('hook', delivered, 3_000);
    const quiet: ChannelSender = { channelId: 'teams', type: 'teams', use: 'page', deliver: delivered };
    const { stop } = start([desk.sender, hook.sender, quiet]);
    expect([desk.beats.length, hook.beats.length]).toEqual([1, 1]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect([desk.beats.length, hook.beats.length]).toEqual([1, 4]);
    await vi.advanceTimersByTimeAsync(1);
    expect([desk.beats.length, hook.beats.length]).toEqual([2, 4]);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([desk.beats.length, hook.beats.length]).toEqual([2, 4]);
  });

  it('say who the kiosk is and, at each beat, how much it has to send and how many deliveries failed', async () => {
    const desk = channel('desk', delivered);
    const counts = { depth: 3, failed: 0 };
    const { stop } = start([desk.sender], counts);
    counts.depth = 0;
    counts.failed = 2;
    await vi.advanceTimersByTimeAsync(10_000);
    stop();
    expect(desk.beats).toEqual([
      { type: 'kiosk.heartbeat', version: 1, kiosk: { id: 'K1', location: 'Lobby kiosk 1' }, outboxDepth: 3, failedDeliveries: 0 },
      { type: 'kiosk.heartbeat', version: 1, kiosk: { id: 'K1', location: 'Lobby kiosk 1' }, outboxDepth: 0, failedDeliveries: 2 },
    ]);
  });

  it('skip a beat while the last one is still unanswered, so a hanging receiver does not pile them up', async () => {
    let answerLast: (result: AttemptResult) => void = () => {};
    const desk = channel('desk', () => new Promise((resolve) => (answerLast = resolve)));
    const { stop } = start([desk.sender]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(desk.beats).toHaveLength(1);
    answerLast({ outcome: 'delivered' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(desk.beats).toHaveLength(2);
    stop();
  });

  it('log a channel once when it stops accepting them and once when it accepts them again', async () => {
    const answers: AttemptResult[] = [
      { outcome: 'retry', reason: 'HTTP 503' },
      { outcome: 'permanent', reason: 'HTTP 401 bad-signature' },
      { outcome: 'delivered' },
      { outcome: 'delivered' },
      { outcome: 'retry', reason: 'ECONNREFUSED' },
    ];
    const desk = channel('desk', () => Promise.resolve(answers.shift() ?? { outcome: 'delivered' }));
    const { stop, logged } = start([desk.sender]);
    await vi.advanceTimersByTimeAsync(10_000);
    // Two refusals in a row: logged once, and the second is no sign of recovery.
    expect(logged()).toEqual([['warn', 'heartbeat not accepted', 'desk', 'HTTP 503']]);
    await vi.advanceTimersByTimeAsync(30_000);
    stop();
    expect(desk.beats).toHaveLength(5);
    expect(logged()).toEqual([
      ['warn', 'heartbeat not accepted', 'desk', 'HTTP 503'],
      ['info', 'heartbeat accepted again', 'desk', undefined],
      ['warn', 'heartbeat not accepted', 'desk', 'ECONNREFUSED'],
    ]);
  });

  it('log nothing about a beat answered after the kiosk closed', async () => {
    let answerLast: (result: AttemptResult) => void = () => {};
    const desk = channel('desk', () => new Promise((resolve) => (answerLast = resolve)));
    const { stop, abort, logged } = start([desk.sender]);
    abort();
    stop();
    answerLast({ outcome: 'retry', reason: 'AbortError' });
    await vi.advanceTimersByTimeAsync(0);
    expect(logged()).toEqual([]);
  });
});
