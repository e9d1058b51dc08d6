/**
 * Each channel's last result and its count of failed deliveries, for the
 * admin screen. Reasons are status codes or error classes (what the delivery
 * layer already logs), never a body or a secret.
 */
import type { ChannelResult } from '../../../shared/admin.js';
import type { AttemptResult } from '../delivery/attempt.js';

export type ChannelRecord = { lastResult?: ChannelResult; lastAt?: string; lastReason?: string; failedDeliveries: number };

export type ChannelResults = {
  /** `test`: a test page's result is shown as the last result but is not a failed delivery. */
  record(channelId: string, result: AttemptResult, at: number, test?: boolean): void;
  of(channelId: string): ChannelRecord;
};

export function createChannelResults(): ChannelResults {
  const records = new Map<string, ChannelRecord>();
  return {
    record(channelId, result, at, test = false) {
      const previous = records.get(channelId) ?? { failedDeliveries: 0 };
      const next: ChannelRecord = {
        failedDeliveries: previous.failedDeliveries + (result.outcome === 'permanent' && !test ? 1 : 0),
        lastResult: result.outcome === 'delivered' ? 'delivered' : result.outcome === 'retry' ? 'retrying' : 'failed',
        lastAt: new Date(at).toISOString(),
      };
      if (result.outcome !== 'delivered') next.lastReason = result.reason.slice(0, 120);
      records.set(channelId, next);
    },
    of: (channelId) => ({ ...(records.get(channelId) ?? { failedDeliveries: 0 }) }),
  };
}
