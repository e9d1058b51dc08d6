/**
 * What the desk does with each verified, validated message from a kiosk.
 * Everything that must be true before the answer (the request on disk) is
 * awaited here: a store that fails rejects, and the receiver answers 5xx so
 * the kiosk tries again. Alerts and the console's refresh run after the
 * answer is sent, and a failure there is logged, never thrown.
 */
import type { Logger } from '../logger.js';
import type { DeskAlerts } from './desk-alerts.js';
import type { DeskRequests } from './desk-requests.js';
import type { KioskHealth } from './kiosk-health.js';
import type { KioskRateLimit } from './kiosk-rate-limit.js';
import type { LiveRequests } from './live-requests.js';
import type { RequestStore } from './request-store.js';
import type { Limited, ReceiverHandlers } from './receiver/receiver-routes.js';
import type { StoredRequest } from './stored-request.js';

export type ReceiverParts = {
  store: RequestStore;
  requests: DeskRequests;
  live: LiveRequests;
  kiosks: KioskHealth;
  alerts: DeskAlerts;
  limits: KioskRateLimit;
  logger: Logger;
  now: () => number;
  /** Tells the console about one request's change (or, with none, about kiosks only). */
  announce: (record?: StoredRequest, firstName?: { value: string | undefined }) => void;
  /** Runs after-answer work so that a throw is logged and cannot stop the desk. */
  guarded: (what: string, work: () => void) => () => void;
};

const limited = (retryAfterSeconds: number): Limited => ({ retryAfterSeconds });

export function createReceiverHandlers(parts: ReceiverParts): ReceiverHandlers {
  const { store, requests, live, kiosks, alerts, limits, logger, now, announce, guarded } = parts;
  return {
    hasRequest: (id) => store.get(id) !== undefined,
    async requestCreated(message) {
      const { id, reference, kiosk, priority } = message.request;
      const isNew = store.get(id) === undefined;
      const wait = limits.admit(kiosk.id, isNew, now());
      if (wait !== undefined) return limited(wait);
      const record = await requests.receive(message, new Date(now()).toISOString());
      if (!record) return { body: { received: true, duplicate: true } };
      logger.info('request received', { requestId: id, reference, kioskId: kiosk.id, priority });
      return {
        body: { received: true, duplicate: false },
        after: guarded('request arrival', () => {
          announce(record, { value: message.request.firstName });
          // Another desk may already have answered it (its update can arrive first).
          if (!record.acknowledgement && !record.closed) alerts.arrived(record, live.waitingCount(), now());
        }),
      };
    },
    statusQuery(message) {
      const wait = limits.admit(message.kioskId, false, now());
      if (wait !== undefined) return limited(wait);
      return { body: requests.status(message.kioskId, message.requestIds) };
    },
    async requestUpdated(message, from) {
      const wait = limits.admit(from.kioskId ?? 'configured-secret', false, now());
      if (wait !== undefined) return limited(wait);
      const record = store.get(message.requestId);
      // A paired kiosk relays answers about its own requests only.
      if (from.kioskId !== undefined && record && record.kiosk.id !== from.kioskId) {
        logger.warn("refused an update for another kiosk's request", { requestId: message.requestId, kioskId: from.kioskId });
        return { body: { ok: true }, refused: 'wrong-kiosk' };
      }
      const refusal = requests.checkUpdate(message);
      if (refusal) {
        logger.warn('refused an update that no known desk signed', {
          requestId: message.requestId,
          kioskId: from.kioskId ?? 'configured-secret',
          reason: refusal,
        });
        return { body: { ok: true }, refused: refusal };
      }
      const applied = await requests.applyUpdate(message);
      if (!applied) return { body: { ok: true } };
      const deskId = message.acknowledgement?.deskId ?? message.closed?.deskId ?? 'unknown';
      logger.info('another desk answered a request', { requestId: message.requestId, deskId });
      return { body: { ok: true }, after: guarded('update from another desk', () => announce(applied)) };
    },
    heartbeat(message) {
      const wait = limits.admit(message.kiosk.id, false, now());
      if (wait !== undefined) return limited(wait);
      // In memory only before the answer: writing it down (now and then) waits until after.
      const seen = kiosks.heartbeat(message, now());
      const after = guarded('heartbeat', () => {
        seen.persist();
        if (seen.changed) announce();
      });
      return { body: { ok: true }, after };
    },
  };
}
