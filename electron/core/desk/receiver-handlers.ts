/**
 * What the desk does with each verified, validated message from a kiosk.
 * Everything that must be true before the answer (the request stored) is
 * done here; alerts and the console's refresh run after the answer is sent.
 */
import type { Logger } from '../logger.js';
import type { DeskAlerts } from './desk-alerts.js';
import type { DeskRequests } from './desk-requests.js';
import type { KioskHealth } from './kiosk-health.js';
import type { RequestStore } from './request-store.js';
import type { ReceiverHandlers } from './receiver/receiver-routes.js';

export function createReceiverHandlers(parts: {
  store: RequestStore;
  requests: DeskRequests;
  kiosks: KioskHealth;
  alerts: DeskAlerts;
  logger: Logger;
  now: () => number;
  changed: () => void;
}): ReceiverHandlers {
  const { store, requests, kiosks, alerts, logger, now, changed } = parts;
  return {
    hasRequest: (id) => store.get(id) !== undefined,
    requestCreated(message) {
      const { id, reference, kiosk, priority } = message.request;
      if (!requests.receive(message, new Date(now()).toISOString())) return { body: { received: true, duplicate: true } };
      logger.info('request received', { requestId: id, reference, kioskId: kiosk.id, priority });
      return {
        body: { received: true, duplicate: false },
        after: () => {
          const record = store.get(id);
          // Another desk may already have answered it (its update can arrive first).
          if (record && !record.acknowledgement && !record.closed) alerts.arrived(record, now());
          changed();
        },
      };
    },
    statusQuery: (message) => ({ body: requests.status(message.kioskId, message.requestIds) }),
    requestUpdated(message, from) {
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
      const applied = requests.applyUpdate(message);
      const deskId = message.acknowledgement?.deskId ?? message.closed?.deskId ?? 'unknown';
      if (applied) logger.info('another desk answered a request', { requestId: message.requestId, deskId });
      return applied ? { body: { ok: true }, after: changed } : { body: { ok: true } };
    },
    heartbeat(message) {
      const changedView = kiosks.heartbeat(message, now());
      return changedView ? { body: { ok: true }, after: changed } : { body: { ok: true } };
    },
  };
}
