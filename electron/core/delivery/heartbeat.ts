/**
 * Tells every desk (and every webhook that opted in) this kiosk is alive,
 * with how much it still has to send and how many deliveries failed for good,
 * so the receiver can show a kiosk that went quiet or cannot page. Signed
 * like every message; no personal data.
 */
import { wireVersion } from '../../../shared/backend/messages.js';
import type { Logger } from '../logger.js';
import type { ChannelSender } from './channel-sender.js';

export type HeartbeatDeps = {
  senders: readonly ChannelSender[];
  kiosk: { id: string; location: string };
  /** For channels without an interval of their own. */
  intervalMs: number;
  outboxDepth(): number;
  failedDeliveries(): number;
  logger: Logger;
  signal: AbortSignal;
};

/** Beats once at once, then every interval, per channel; returns a stop. Logs a channel only when it starts or stops answering. */
export function startHeartbeats(deps: HeartbeatDeps): () => void {
  const timers = deps.senders.filter((sender) => sender.heartbeat).map((sender) => startBeating(sender, deps));
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}

function startBeating(sender: ChannelSender, deps: HeartbeatDeps): NodeJS.Timeout {
  let failing = false;
  let busy = false;
  const beatOnce = async () => {
    const message = {
      type: 'kiosk.heartbeat' as const,
      version: wireVersion,
      kiosk: deps.kiosk,
      outboxDepth: deps.outboxDepth(),
      failedDeliveries: deps.failedDeliveries(),
    };
    const result = await sender.heartbeat!(message, deps.signal);
    if (deps.signal.aborted) return;
    if (result.outcome !== 'delivered' && !failing) {
      failing = true;
      deps.logger.warn('heartbeat not accepted', { channel: sender.channelId, reason: result.reason });
    } else if (result.outcome === 'delivered' && failing) {
      failing = false;
      deps.logger.info('heartbeat accepted again', { channel: sender.channelId });
    }
  };
  // A receiver that hangs must not stack up beats: skip a beat while the last one is still out.
  const beat = () => {
    if (busy) return;
    busy = true;
    void beatOnce().finally(() => (busy = false));
  };
  beat();
  return setInterval(beat, sender.heartbeatEveryMs ?? deps.intervalMs);
}
