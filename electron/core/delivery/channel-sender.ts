/**
 * What the kiosk can do with one configured channel. Every channel can carry
 * a new request; desks (and webhooks with a statusUrl) can also be asked for
 * acknowledgements; desks also take updates and heartbeats (webhooks too, when they opt in).
 */
import type { Heartbeat, RequestCreated, RequestUpdated, StatusAnswer } from '../../../shared/backend/messages.js';
import type { AttemptResult, PageMessage } from './attempt.js';

/** Everything a channel might send for a new request; each channel takes only what it may carry. */
export type NewRequest = {
  /** The contract message without the first name and without sentAt (set per attempt). */
  created: Omit<RequestCreated, 'sentAt'>;
  /** Only for channels allowed to carry personal data. */
  firstName: string | undefined;
  /** For channels that leave the building: no personal data. */
  page: PageMessage;
};

export type ChannelSender = {
  readonly channelId: string;
  readonly type: string;
  readonly use: 'page' | 'escalation';
  /** One attempt at delivering a new request (the queue retries). */
  deliver(request: NewRequest, signal: AbortSignal): Promise<AttemptResult>;
  /** Present on desks only: tells this desk another desk answered or closed. */
  sendUpdate?(update: Omit<RequestUpdated, 'sentAt'>, signal: AbortSignal): Promise<AttemptResult>;
  /** Present when the channel can report acknowledgements. Undefined answer: ask again next time. */
  askStatus?(requestIds: string[], signal: AbortSignal): Promise<StatusAnswer | undefined>;
  /** Present on desks, and on webhooks that opted in. */
  heartbeat?(beat: Omit<Heartbeat, 'sentAt'>, signal: AbortSignal): Promise<AttemptResult>;
  /** This channel's own heartbeat interval; the kiosk's `heartbeatSeconds` when absent. */
  readonly heartbeatEveryMs?: number;
};
