/**
 * The console's state and its changes, from the live list, kiosk health and
 * receiver health. The whole state is built for the first load and for rare
 * changes; everyday changes carry one request, how many wait, and the small
 * header parts, so their size does not grow with the open requests.
 */
import type { DeskChange, DeskState } from '../../../shared/desk.js';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import type { LiveChange, LiveRequests } from './live-requests.js';

export type Header = Pick<DeskState, 'kiosks' | 'receiver'>;

/** Where a state or change stands in the desk's announcements: the service's run, and the change's count in it. */
export type Revision = Pick<DeskState, 'stream' | 'revision'>;

/** The whole DeskState the console draws. */
export function deskStateOf(device: DeskDeviceConfig, at: Revision, live: LiveRequests, header: Header): DeskState {
  return {
    stream: at.stream,
    revision: at.revision,
    deskId: device.desk.id,
    deskName: device.desk.name,
    requests: live.views(),
    kiosks: header.kiosks,
    waiting: live.waiting(),
    alert: { repeatSeconds: device.alerts.repeatSeconds, sound: device.alerts.sound },
    receiver: header.receiver,
  };
}

/** One change: the request it is about (if any), the waiting summary and the header parts, whole; nothing per open request. */
export function deskChangeOf(at: Revision, change: LiveChange, live: LiveRequests, header: Header): DeskChange {
  return { stream: at.stream, revision: at.revision, ...change, waiting: live.waiting(), kiosks: header.kiosks, receiver: header.receiver };
}
