/**
 * What a desk signs (Ed25519) when it acknowledges or closes a request, so
 * that a kiosk, and the other desks, can tell a real answer from one made
 * with a copy of a kiosk's secret. The request id is inside, so a signed
 * answer cannot be moved to another request.
 */
import type { Acknowledgement, CloseOutcome } from '../request.js';

export function ackStatement(requestId: string, ack: Pick<Acknowledgement, 'messageKey' | 'deskId' | 'deskName' | 'at'>): string {
  return JSON.stringify(['lobby-ack-v1', requestId, ack.messageKey, ack.deskId, ack.deskName, ack.at]);
}

export function closeStatement(requestId: string, closed: { outcome: CloseOutcome; deskId: string; at: string }): string {
  return JSON.stringify(['lobby-close-v1', requestId, closed.outcome, closed.deskId, closed.at]);
}

/** Clocks differ a little between machines; an answer dated earlier than this before the request is refused. */
export const answerClockToleranceMs = 5 * 60 * 1000;

/** An answer dated before the request existed is not an answer to it. */
export function datedBeforeRequest(answerAt: string, requestCreatedAt: string): boolean {
  return Date.parse(answerAt) < Date.parse(requestCreatedAt) - answerClockToleranceMs;
}
