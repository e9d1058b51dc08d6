/**
 * How much one kiosk may send the desk per minute. A real lobby sends a few
 * requests an hour and a heartbeat and status query every few seconds; the
 * limits sit far above that, so only a fault or a flood reaches them. Beyond
 * a limit the receiver answers 429 with Retry-After: the kiosk keeps the
 * message and sends it again later, so nothing is lost.
 */
import type { Logger } from '../logger.js';

export type RateLimits = { messagesPerKioskPerMinute: number; requestsPerKioskPerMinute: number };

export type KioskRateLimit = {
  /** Counts one message from `kioskId`; returns the seconds to wait when it is over the limit, else undefined. */
  admit(kioskId: string, isNewRequest: boolean, at: number): number | undefined;
};

const windowMs = 60_000;

type Window = { startedAt: number; messages: number; requests: number; dropped: number };

/** Fixed one-minute windows per kiosk; logs what it dropped (counts and the kiosk id, never content). */
export function createKioskRateLimit(limits: RateLimits, logger: Logger): KioskRateLimit {
  const windows = new Map<string, Window>();

  const windowOf = (kioskId: string, at: number): Window => {
    const current = windows.get(kioskId);
    if (current && at - current.startedAt < windowMs) return current;
    if (current && current.dropped > 0)
      logger.warn('dropped messages from a kiosk over its per-minute limit', { kioskId, count: current.dropped });
    const fresh = { startedAt: at, messages: 0, requests: 0, dropped: 0 };
    windows.set(kioskId, fresh);
    return fresh;
  };

  return {
    admit(kioskId, isNewRequest, at) {
      const window = windowOf(kioskId, at);
      const over =
        window.messages >= limits.messagesPerKioskPerMinute || (isNewRequest && window.requests >= limits.requestsPerKioskPerMinute);
      if (over) {
        if (window.dropped === 0)
          logger.warn('a kiosk reached its per-minute limit; answering 429', { kioskId, kind: isNewRequest ? 'request' : 'message' });
        window.dropped += 1;
        return Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000));
      }
      window.messages += 1;
      if (isNewRequest) window.requests += 1;
      return undefined;
    },
  };
}
