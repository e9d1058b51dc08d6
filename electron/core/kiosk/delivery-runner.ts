/**
 * Fans each request out to its channels, one queue per channel, and writes
 * every final result back into the request: delivered, or failed for good
 * (an alert in the log, and the fallback on screen once every page channel
 * has failed).
 */
import type { AgencyProfile, KioskDeviceConfig } from '../../../shared/config.js';
import { wireVersion, type RequestUpdated } from '../../../shared/backend/messages.js';
import type { AttemptResult } from '../delivery/attempt.js';
import type { ChannelSender } from '../delivery/channel-sender.js';
import { createChannelQueue, type ChannelQueue, type QueueTask } from '../delivery/channel-queue.js';
import type { Logger } from '../logger.js';
import type { FirstNames } from './first-names.js';
import { newRequestOf } from './outgoing-request.js';
import type { RequestBook } from './request-book.js';
import { settleDelivery, type RequestRecord } from './request-record.js';

export type DeliveryRunner = {
  /** Queues whatever is pending for this request (a new capture, or a resume after restart). */
  resume(record: RequestRecord): void;
  /**
   * Pages the escalation channels for a request of the book not acknowledged in time, once: a request already
   * escalated is left as it is.
   */
  escalate(record: RequestRecord): void;
  /** Tells the other desks about an acknowledgement or closure reported by `reportedBy`. */
  relay(record: RequestRecord): void;
  /** Requests with something still to send, for heartbeats. */
  depth(): number;
  failedDeliveries(): number;
  senders: readonly ChannelSender[];
};

type Deps = {
  device: KioskDeviceConfig;
  profile: AgencyProfile;
  senders: readonly ChannelSender[];
  book: RequestBook;
  names: FirstNames;
  logger: Logger;
  signal: AbortSignal;
  random?: () => number;
  /** The kiosk's clock, for the retry horizon; Date.now when absent. */
  now?: () => number;
  /** Told each final result (delivered or failed for good), for the admin screen. */
  onSettled: (channelId: string, result: AttemptResult) => void;
};

export function createDeliveryRunner(deps: Deps): DeliveryRunner {
  const { book, logger } = deps;
  let failed = 0;
  const queues = new Map<string, ChannelQueue>();

  const horizonMs = deps.device.delivery.retry.horizonMinutes * 60_000;
  const now = deps.now ?? Date.now;
  /** Past the retry horizon a retryable answer is final: receivers keep ids only that long (docs/backend-contract.md). */
  const withinHorizon = (record: RequestRecord, result: AttemptResult): AttemptResult => {
    if (result.outcome !== 'retry' || now() - Date.parse(record.createdAt) < horizonMs) return result;
    return { outcome: 'permanent', reason: `${result.reason}; gave up at the retry horizon` };
  };

  /** Per channel, the update last carried for each request: an answer that changed while it was on its way is sent again. */
  type Carried = Map<string, string>;
  const updateOf = (record: RequestRecord): Omit<RequestUpdated, 'sentAt'> => ({
    type: 'request.updated',
    version: wireVersion,
    requestId: record.id,
    ...(record.acknowledgement ? { acknowledgement: record.acknowledgement } : {}),
    ...(record.closed ? { closed: record.closed } : {}),
  });

  const attempt =
    (sender: ChannelSender, carried: Carried) =>
    async (task: QueueTask, _n: number, signal: AbortSignal): Promise<AttemptResult | 'skip'> => {
      const record = book.get(task.requestId);
      const state = record?.channels[sender.channelId];
      if (!record || !state) return 'skip';
      if (task.kind === 'created') {
        if (state.created !== 'pending') return 'skip';
        const request = newRequestOf(record, { ...deps, firstName: deps.names.reveal(record) }, state.use === 'escalation');
        return withinHorizon(record, await sender.deliver(request, signal));
      }
      // An update is queued only while its state is pending, and only settling it ends that: no second check needed.
      // A channel that was a desk when the update was queued may be a webhook since a restart.
      if (!sender.sendUpdate) return 'skip';
      const update = updateOf(record);
      carried.set(record.id, JSON.stringify(update));
      return withinHorizon(record, await sender.sendUpdate(update, signal));
    };

  const settled = (sender: ChannelSender, carried: Carried) => (task: QueueTask, result: Exclude<AttemptResult, { outcome: 'retry' }>) => {
    const fields = { channel: sender.channelId, requestId: task.requestId, type: task.kind };
    deps.onSettled(sender.channelId, result);
    if (result.outcome === 'permanent') {
      failed += 1;
      logger.error('ALERT: delivery failed permanently; the kiosk shows the fallback if no channel took it', {
        ...fields,
        reason: result.reason,
      });
    } else logger.info('delivered', fields);
    book.change(task.requestId, (record) => {
      const state = record.channels[sender.channelId];
      if (!state) return false;
      if (task.kind === 'update') {
        const sent = carried.get(record.id);
        carried.delete(record.id);
        // A closure that came while the acknowledgement was on its way: the queue had it already, so it goes again now
        // (whatever became of the older one: the newer is another message).
        if (sent !== JSON.stringify(updateOf(record))) {
          queues.get(sender.channelId)?.push(task);
          return false;
        }
        state.update = result.outcome === 'delivered' ? 'sent' : 'failed';
        return;
      }
      state.created = result.outcome === 'delivered' ? 'delivered' : 'failed';
      if (result.outcome === 'permanent') state.reason = result.reason.slice(0, 120);
      settleDelivery(record);
    });
  };

  for (const sender of deps.senders) {
    const carried: Carried = new Map();
    queues.set(
      sender.channelId,
      createChannelQueue({
        channelId: sender.channelId,
        retry: deps.device.delivery.retry,
        attempt: attempt(sender, carried),
        settled: settled(sender, carried),
        logger,
        signal: deps.signal,
        random: deps.random,
      }),
    );
  }

  const resume = (record: RequestRecord) => {
    for (const [channelId, state] of Object.entries(record.channels)) {
      const queue = queues.get(channelId);
      if (state.created === 'pending') queue?.push({ requestId: record.id, kind: 'created' });
      if (state.update === 'pending') queue?.push({ requestId: record.id, kind: 'update' });
    }
  };

  return {
    resume,
    escalate(record) {
      // Paging the escalation channels twice would text and mail the sergeant twice. The deadline fires once per request
      // today (./deadlines.ts); this keeps a second call harmless if that ever changes.
      if (record.escalated) return;
      book.change(record.id, (r) => {
        r.escalated = true;
        r.late = true;
        // Escalation channels are idle until now (escalating happens once): page channels keep what they have.
        for (const state of Object.values(r.channels)) if (state.use === 'escalation') state.created = 'pending';
      });
      logger.warn('not acknowledged in time: escalating', { requestId: record.id, priority: record.priority });
      resume(record);
    },
    relay(record) {
      const deskIds = new Set(deps.senders.filter((s) => s.sendUpdate).map((s) => s.channelId));
      book.change(record.id, (r) => {
        let any = false;
        for (const [channelId, state] of Object.entries(r.channels)) {
          if (!deskIds.has(channelId) || channelId === r.reportedBy) continue;
          if (state.created !== 'pending' && state.created !== 'delivered') continue;
          state.update = 'pending';
          any = true;
        }
        return any;
      });
      resume(record);
    },
    depth: () => book.all().filter((r) => Object.values(r.channels).some((c) => c.created === 'pending' || c.update === 'pending')).length,
    failedDeliveries: () => failed,
    senders: deps.senders,
  };
}
