/**
 * Whether each kiosk is alive: its last heartbeat, online until
 * `offlineAfterSeconds` of silence, and the outbox numbers it reported.
 * Kept in a small store of its own so that a kiosk that died while the desk
 * was off still shows as offline after a restart.
 */
import { z } from 'zod';
import { heartbeatSchema, type Heartbeat } from '../../../shared/backend/messages.js';
import type { KioskHealthView } from '../../../shared/desk.js';
import type { Logger } from '../logger.js';
import type { Platform } from '../platform.js';

const kioskRecordSchema = z
  .object({
    kioskId: heartbeatSchema.shape.kiosk.shape.id,
    location: heartbeatSchema.shape.kiosk.shape.location,
    lastHeartbeatAt: z.iso.datetime({ offset: true }),
    outboxDepth: heartbeatSchema.shape.outboxDepth,
    failedDeliveries: heartbeatSchema.shape.failedDeliveries,
  })
  .strict();
type KioskRecord = z.output<typeof kioskRecordSchema>;
type KioskDocument = { version: 1; kiosks: Record<string, unknown> };

/** The kiosks a previous run heard, each checked: one that does not pass is dropped (the next heartbeat brings it back). */
function loadKiosks(document: KioskDocument, logger: Logger): Map<string, KioskRecord> {
  const kiosks = new Map<string, KioskRecord>();
  let dropped = 0;
  // Own properties only, into a Map: a kiosk id is never looked up through a prototype.
  for (const [key, raw] of Object.entries(document.kiosks ?? {})) {
    const parsed = kioskRecordSchema.safeParse(raw);
    if (parsed.success && parsed.data.kioskId === key) kiosks.set(key, parsed.data);
    else dropped += 1;
  }
  if (dropped > 0) logger.warn('stored kiosk health records could not be read; they return with the next heartbeat', { count: dropped });
  return kiosks;
}

export type KioskHealth = {
  /**
   * Records a heartbeat in memory; `changed` when the console's view of that
   * kiosk changed (new, back online, numbers). `persist` writes it down when
   * due: call it after answering, off the heartbeat's path.
   */
  heartbeat(message: Heartbeat, at: number): { changed: boolean; persist(): void };
  /** Re-evaluates online/offline at `at`; true when any kiosk changed. */
  evaluate(at: number): boolean;
  views(): KioskHealthView[];
};

/** Kiosk health, loaded from its store and evaluated at `now`. */
export function createKioskHealth(
  platform: Pick<Platform, 'openStore'>,
  offlineAfterSeconds: number,
  now: number,
  logger: Logger,
): KioskHealth {
  const store = platform.openStore<KioskDocument>('desk-kiosks', { version: 1, kiosks: {} });
  const kiosks = loadKiosks(store.read(), logger);
  const online = new Map<string, boolean>();
  const persisted = new Map<string, number>();
  const isOnline = (record: KioskRecord, at: number) => at - Date.parse(record.lastHeartbeatAt) < offlineAfterSeconds * 1000;

  const evaluate = (at: number) => {
    let changed = false;
    for (const record of kiosks.values()) {
      const next = isOnline(record, at);
      if (online.get(record.kioskId) !== next) changed = true;
      online.set(record.kioskId, next);
    }
    return changed;
  };
  evaluate(now);

  return {
    heartbeat(message, at) {
      const before = kiosks.get(message.kiosk.id);
      const next: KioskRecord = {
        kioskId: message.kiosk.id,
        location: message.kiosk.location,
        lastHeartbeatAt: new Date(at).toISOString(),
        outboxDepth: message.outboxDepth,
        failedDeliveries: message.failedDeliveries,
      };
      kiosks.set(next.kioskId, next);
      const wasOnline = online.get(next.kioskId) === true;
      online.set(next.kioskId, true);
      const changed =
        !before ||
        !wasOnline ||
        before.location !== next.location ||
        before.outboxDepth !== next.outboxDepth ||
        before.failedDeliveries !== next.failedDeliveries;
      const persist = () => {
        // The disk only needs to know roughly when each kiosk was last heard, for a restart: skip most fsyncs.
        const persistedAt = persisted.get(next.kioskId) ?? 0;
        if (changed || at - persistedAt >= (offlineAfterSeconds * 1000) / 2) {
          store.write({ version: 1, kiosks: Object.fromEntries(kiosks) });
          persisted.set(next.kioskId, at);
        }
      };
      return { changed, persist };
    },
    evaluate,
    views: () =>
      [...kiosks.values()]
        .sort((a, b) => a.kioskId.localeCompare(b.kioskId))
        .map((record) => ({ ...record, online: online.get(record.kioskId) === true })),
  };
}
