/**
 * Asks the desks (and webhooks with a statusUrl) about open requests every
 * pollSeconds: the kiosk opens no port, so this is how it learns that an
 * officer acknowledged or closed a request.
 */
import type { StatusAnswer } from '../../../shared/backend/messages.js';
import type { ChannelSender } from '../delivery/channel-sender.js';
import type { RequestBook } from './request-book.js';

const maxIdsPerQuery = 200;

export type StatusPoller = { pollNow(): Promise<void>; close(): void };

export function createStatusPoller(options: {
  senders: readonly ChannelSender[];
  book: RequestBook;
  intervalMs: number;
  signal: AbortSignal;
  onAnswer(channelId: string, answer: StatusAnswer): void;
}): StatusPoller {
  let busy = false;
  const pollNow = async () => {
    if (busy || options.signal.aborted) return;
    busy = true;
    try {
      for (const sender of options.senders) {
        if (!sender.askStatus) continue;
        const ids = options.book
          .all()
          .filter((r) => r.phase !== 'closed' && r.channels[sender.channelId]?.created === 'delivered')
          .map((r) => r.id);
        for (let i = 0; i < ids.length; i += maxIdsPerQuery) {
          const answer = await sender.askStatus(ids.slice(i, i + maxIdsPerQuery), options.signal);
          if (answer && !options.signal.aborted) options.onAnswer(sender.channelId, answer);
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void pollNow(), options.intervalMs);
  return { pollNow, close: () => clearInterval(timer) };
}
