/**
 * Webhook ids already processed, remembered for longer than the 5-minute
 * timestamp tolerance: a captured message replayed after that is refused by
 * its timestamp, one replayed before it by its id. Kept in memory; after a
 * restart, repeated requests are still caught by their request id.
 */
export type SeenMessage = { type: string; requestId?: string };

export type ReplayGuard = {
  seen(messageId: string, at: number): SeenMessage | undefined;
  remember(messageId: string, message: SeenMessage, at: number): void;
};

export const replayWindowMs = 10 * 60 * 1000;

/** A replay guard that forgets ids older than `windowMs`. */
export function createReplayGuard(windowMs = replayWindowMs): ReplayGuard {
  const ids = new Map<string, SeenMessage & { at: number }>();
  const forgetOld = (at: number) => {
    // Insertion order is arrival order, so the oldest are first.
    for (const [id, entry] of ids) {
      if (at - entry.at <= windowMs) break;
      ids.delete(id);
    }
  };
  return {
    seen(messageId, at) {
      forgetOld(at);
      return ids.get(messageId);
    },
    remember(messageId, message, at) {
      ids.delete(messageId);
      ids.set(messageId, { ...message, at });
    },
  };
}
