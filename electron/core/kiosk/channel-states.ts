import type { ChannelSender } from '../delivery/channel-sender.js';
import type { ChannelState, RequestRecord } from './request-record.js';

/** A new request: page channels at once, escalation channels only if it comes to that. */
export function initialChannels(senders: readonly ChannelSender[]): Record<string, ChannelState> {
  return Object.fromEntries(
    senders.map((s) => [
      s.channelId,
      {
        use: s.use,
        created: s.use === 'page' ? 'pending' : 'idle',
        update: 'none',
        answers: s.askStatus !== undefined,
      } satisfies ChannelState,
    ]),
  );
}

/**
 * After a restart with edited channels: a channel added since capture gets
 * the open request too (escalation ones only if already escalated); a
 * removed channel's state stays recorded but nothing is sent to it. Only for
 * requests not closed (the caller skips those): a closed request pages no one.
 * Returns whether a channel was added, for `RequestBook.change`.
 */
export function reconcileChannels(record: RequestRecord, senders: readonly ChannelSender[]): boolean {
  let changed = false;
  for (const sender of senders) {
    const existing = record.channels[sender.channelId];
    if (existing) continue;
    const wanted = sender.use === 'page' || record.escalated;
    record.channels[sender.channelId] = {
      use: sender.use,
      created: wanted ? 'pending' : 'idle',
      update: 'none',
      answers: sender.askStatus !== undefined,
    };
    changed = true;
  }
  return changed;
}
