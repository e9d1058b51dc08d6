/**
 * Desk views as the desk core sends them, made up for component tests that
 * need hundreds of requests at once (the harness's real core is for the flow).
 */
import type { DeskRequestView, DeskState } from '../../../../shared/desk';

/** An open, unanswered request; `n` makes its id and reference unique and its age n seconds. */
export function openRequest(n: number, overrides: Partial<DeskRequestView> = {}): DeskRequestView {
  const askedAt = new Date(Date.now() - n * 1000).toISOString();
  return {
    id: `req_view${String(n).padStart(16, '0')}`,
    reference: `K1-${String(1000 + n).slice(-4)}`,
    kind: 'help-self',
    priority: 'normal',
    language: 'es',
    turningIn: false,
    dangerNow: false,
    kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
    createdAt: askedAt,
    receivedAt: askedAt,
    askedAt,
    state: 'open',
    ...overrides,
  };
}

/** A desk state holding the given requests, every one of them waiting for an answer. */
export function deskState(requests: DeskRequestView[]): DeskState {
  return {
    revision: 1,
    deskId: 'D1',
    deskName: 'Front desk',
    requests,
    kiosks: [],
    alerting: requests.map((request) => request.id),
    alert: { repeatSeconds: 10, sound: false },
    receiver: { listening: true },
  };
}
