/**
 * Desk views as the desk core sends them, made up for component tests that
 * need hundreds of requests at once (the harness's real core is for the flow).
 */
import { needsAnswer, type DeskRequestView, type DeskState, type DeskWaiting } from '../../../../shared/desk';

/** A request as the desk core sends it, open and unanswered; `overrides` change any field. */
export function deskRequest(id: string, askedAt: string, overrides: Partial<DeskRequestView> = {}): DeskRequestView {
  return {
    id,
    reference: 'K1-4821',
    kind: 'help-self',
    priority: 'normal',
    language: 'en',
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

/** An open, unanswered request; `n` makes its id and reference unique and its age n seconds. */
export function openRequest(n: number, overrides: Partial<DeskRequestView> = {}): DeskRequestView {
  return deskRequest(`req_view${String(n).padStart(16, '0')}`, new Date(Date.now() - n * 1000).toISOString(), {
    reference: `K1-${String(1000 + n).slice(-4)}`,
    language: 'es',
    ...overrides,
  });
}

/** The desk's summary of who waits, as the core makes it: how many open requests, and whether the first is an emergency. */
export function waitingOf(requests: readonly DeskRequestView[]): DeskWaiting {
  const waiting = requests.filter(needsAnswer);
  return { count: waiting.length, emergency: waiting[0]?.priority === 'emergency' };
}

/** A desk state holding the given requests, waiting as their states say; `overrides` change any field. */
export function deskState(requests: DeskRequestView[], overrides: Partial<DeskState> = {}): DeskState {
  return {
    stream: 'desk-start',
    revision: 1,
    deskId: 'D1',
    deskName: 'Front desk',
    requests,
    kiosks: [],
    waiting: waitingOf(requests),
    alert: { repeatSeconds: 10, sound: false },
    receiver: { listening: true },
    ...overrides,
  };
}
