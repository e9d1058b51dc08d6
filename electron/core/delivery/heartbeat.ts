/**
 * Tells every desk this kiosk is alive, with how much it still has to send
 * and how many deliveries failed for good, so the desk can show a kiosk that
 * went quiet or cannot page.
 */
import type { Logger } from '../logger.js';
import type { ChannelSender } from './channel-sender.js';

export type HeartbeatDeps = {
  senders: readonly ChannelSender[];
  kiosk: { id: string; location: string };
  intervalMs: number;
  outboxDepth(): number;
  failedDeliveries(): number;
  logger: Logger;
  signal: AbortSignal;
};

/** Beats once at once, then every interval; returns a stop. Logs a desk only when it starts or stops answering. */
export function startHeartbeats(deps: HeartbeatDeps): () => void {
  const failing = new Set<string>();
  let busy = false;
  const beatAll = async () => {
    for (const sender of deps.senders) {
      if (!sender.heartbeat) continue;
      const message = {
        type: 'kiosk.heartbeat' as const,
        version: 1 as const,
        kiosk: deps.kiosk,
        outboxDepth: deps.outboxDepth(),
        failedDeliveries: deps.failedDeliveries(),
      };
      const result = await sender.heartbeat(message, deps.signal);
      if (deps.signal.aborted) return;
      if (result.outcome !== 'delivered' && !failing.has(sender.channelId)) {
        failing.add(sender.channelId);
        deps.logger.warn('heartbeat not accepted', { channel: sender.channelId, reason: result.reason });
      } else if (result.outcome === 'delivered' && failing.delete(sender.channelId)) {
        deps.logger.info('heartbeat accepted again', { channel: sender.channelId });
      }
    }
  };
  // A desk that hangs must not stack up beats: skip a beat while the last one is still out.
  const beat = async () => {
    if (busy) return;
    busy = true;
    await beatAll().finally(() => (busy = false));
  };
  void beat();
  const timer = setInterval(() => void beat(), deps.intervalMs);
  return () => clearInterval(timer);
}
