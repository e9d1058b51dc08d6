/**
 * The console's live state, built whole from the store, kiosk health and
 * receiver health on every change.
 */
import type { DeskState } from '../../../shared/desk.js';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import type { RequestStore } from './request-store.js';
import { askedAtOf, type StoredRequest } from './stored-request.js';

/** Emergencies first, then whoever has waited longest (asked first, on this desk's clock). */
export function byUrgency(a: StoredRequest, b: StoredRequest): number {
  if (a.priority !== b.priority) return a.priority === 'emergency' ? -1 : 1;
  return Date.parse(askedAtOf(a)) - Date.parse(askedAtOf(b)) || a.id.localeCompare(b.id);
}

/** Open and acknowledged requests, most urgent first. */
export function activeRequests(store: RequestStore): StoredRequest[] {
  return store
    .all()
    .filter((r) => !r.closed)
    .sort(byUrgency);
}

/** Requests that still need someone to acknowledge them, most urgent first. */
export function waitingRequests(store: RequestStore): StoredRequest[] {
  return activeRequests(store).filter((r) => !r.acknowledgement);
}

/** The whole DeskState the console draws; `view` adds the first name where it can be unsealed. */
export function buildDeskState(
  device: DeskDeviceConfig,
  store: RequestStore,
  parts: Pick<DeskState, 'kiosks' | 'receiver'>,
  view: (record: StoredRequest) => DeskState['requests'][number],
): DeskState {
  return {
    deskId: device.desk.id,
    deskName: device.desk.name,
    requests: activeRequests(store).map(view),
    kiosks: parts.kiosks,
    alerting: waitingRequests(store).map((r) => r.id),
    alert: { repeatSeconds: device.alerts.repeatSeconds, sound: device.alerts.sound },
    receiver: parts.receiver,
  };
}
