import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDeskState } from '../../../../renderer/src/desk/use-desk-state';
import type { EventName, EventPayload, LobbyApi } from '../../../../shared/contract';
import type { DeskChange, DeskRequestView, DeskState } from '../../../../shared/desk';
import { deskRequest, deskState, waitingOf } from './desk-views';

afterEach(cleanup);

/** React's flag for tests: while true, React leaves its work for act to run. */
const reactGlobal = globalThis as typeof globalThis & { IS_REACT_ACT_ENVIRONMENT?: boolean };

const base = (revision: number, requests: DeskRequestView[]): DeskState =>
  deskState(requests, { revision, alert: { repeatSeconds: 10, sound: true } });

const change = (revision: number, parts: Partial<DeskChange>): DeskChange => ({
  stream: 'desk-start',
  revision,
  waiting: { count: 0, emergency: false },
  kiosks: [],
  receiver: { listening: true },
  ...parts,
});

/** A desk API whose states answer only when the test says, and whose events the test sends. */
function scriptedDesk() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let answer: (state: DeskState) => void = () => {};
  let asked = 0;
  const api = {
    'desk.getState': () => {
      asked += 1;
      return new Promise<DeskState>((resolve) => (answer = resolve));
    },
    on: (name: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  } as unknown as LobbyApi;
  return {
    api,
    /** How many times the console asked for the whole state. */
    asked: () => asked,
    answer: (state: DeskState) => act(() => answer(state)),
    send: <N extends EventName>(name: N, payload: EventPayload<N>) =>
      act(() => {
        for (const listener of listeners.get(name) ?? []) listener(payload);
      }),
    /** Sends an event as the event stream does, outside React's act: nothing flushes React's work but the hook itself. */
    sendBare: <N extends EventName>(name: N, payload: EventPayload<N>) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}

describe("the desk console's state", () => {
  it('applies a change heard before the first state answered, and skips one the state already holds', async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    const a = deskRequest('req_aaaaaaaaaaaaaaaaaaaa', '2026-11-20T15:00:00.000Z');
    const b = deskRequest('req_bbbbbbbbbbbbbbbbbbbb', '2026-11-20T15:01:00.000Z');
    // Revision 5 is already in the state that answers; revision 6 came after it.
    desk.send('desk.requestChanged', change(5, { request: a, waiting: waitingOf([a]) }));
    desk.send('desk.requestChanged', change(6, { request: b, waiting: waitingOf([a, b]) }));
    await desk.answer(base(5, [{ ...a, state: 'acknowledged' }]));
    await waitFor(() => expect(result.current.state?.revision).toBe(6));
    expect(result.current.state?.requests.map((r) => [r.id, r.state])).toEqual([
      [a.id, 'acknowledged'],
      [b.id, 'open'],
    ]);
  });

  it("draws a change within the event's own task, without waiting for React's scheduler", async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    await desk.answer(base(1, []));
    const emergency = deskRequest('req_eeeeeeeeeeeeeeeeeeee', '2026-11-20T15:06:00.000Z', { priority: 'emergency', kind: 'emergency' });
    const actEnvironment = reactGlobal.IS_REACT_ACT_ENVIRONMENT;
    // As in the browser: React schedules work of its own, and only the hook can make it happen now.
    reactGlobal.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      desk.sendBare('desk.requestChanged', change(2, { request: emergency, waiting: waitingOf([emergency]) }));
      expect(result.current.state?.requests.map((r) => r.id)).toEqual([emergency.id]);
      expect(result.current.arrived.map((r) => r.id)).toEqual([emergency.id]);
    } finally {
      reactGlobal.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });

  it('puts a new request in its place, announces it, and drops one that closed', async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    const later = deskRequest('req_llllllllllllllllllll', '2026-11-20T15:05:00.000Z');
    await desk.answer(base(1, [later]));
    const emergency = deskRequest('req_eeeeeeeeeeeeeeeeeeee', '2026-11-20T15:06:00.000Z', { priority: 'emergency', kind: 'emergency' });
    await desk.send('desk.requestChanged', change(2, { request: emergency, waiting: waitingOf([emergency, later]) }));
    expect(result.current.state?.requests.map((r) => r.id)).toEqual([emergency.id, later.id]);
    expect(result.current.arrived.map((r) => r.id)).toEqual([emergency.id]);
    expect(result.current.state?.waiting).toEqual({ count: 2, emergency: true });

    await desk.send('desk.requestChanged', change(3, { removed: later.id, waiting: waitingOf([emergency]) }));
    expect(result.current.state?.requests.map((r) => r.id)).toEqual([emergency.id]);
    expect(result.current.arrived).toEqual([]);
  });

  it('a change that shows one was missed loads the whole state again, and changes heard meanwhile are applied to it', async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    const a = deskRequest('req_aaaaaaaaaaaaaaaaaaaa', '2026-11-20T15:00:00.000Z');
    const b = deskRequest('req_bbbbbbbbbbbbbbbbbbbb', '2026-11-20T15:01:00.000Z');
    const c = deskRequest('req_cccccccccccccccccccc', '2026-11-20T15:02:00.000Z');
    await desk.answer(base(1, [a]));
    expect(desk.asked()).toBe(1);
    // Revision 2 (b's arrival) never reached the console; 3 is c's.
    await desk.send('desk.requestChanged', change(3, { request: c, waiting: waitingOf([a, b, c]) }));
    expect(desk.asked()).toBe(2);
    expect(result.current.state?.revision).toBe(1);
    await desk.send('desk.requestChanged', change(4, { removed: a.id, waiting: waitingOf([b, c]) }));
    await desk.answer(base(3, [a, b, c]));
    await waitFor(() => expect(result.current.state?.revision).toBe(4));
    expect(result.current.state?.requests.map((r) => r.id)).toEqual([b.id, c.id]);
    expect(result.current.state?.waiting).toEqual({ count: 2, emergency: false });
    expect(desk.asked()).toBe(2);
  });

  it('a desk that restarted (its settings changed) is shown, though it counts its changes from 1 again', async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    const a = deskRequest('req_aaaaaaaaaaaaaaaaaaaa', '2026-11-20T15:00:00.000Z');
    const b = deskRequest('req_bbbbbbbbbbbbbbbbbbbb', '2026-11-20T15:01:00.000Z');
    const c = deskRequest('req_cccccccccccccccccccc', '2026-11-20T15:02:00.000Z');
    await desk.answer(base(40, [a]));
    // The restarted desk announces its whole state, then a new request: both counted from its own start.
    await desk.send('desk.changed', { ...base(1, [a, b]), stream: 'restarted' });
    expect(result.current.state?.requests.map((r) => r.id)).toEqual([a.id, b.id]);
    await desk.send('desk.requestChanged', { ...change(2, { request: c, waiting: waitingOf([a, b, c]) }), stream: 'restarted' });
    expect(result.current.state?.requests.map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(result.current.arrived.map((r) => r.id)).toEqual([c.id]);
  });

  it('a change from a restarted desk whose whole state never arrived loads the whole state again', async () => {
    const desk = scriptedDesk();
    const { result } = renderHook(() => useDeskState(desk.api));
    const a = deskRequest('req_aaaaaaaaaaaaaaaaaaaa', '2026-11-20T15:00:00.000Z');
    const b = deskRequest('req_bbbbbbbbbbbbbbbbbbbb', '2026-11-20T15:01:00.000Z');
    await desk.answer(base(40, [a]));
    expect(desk.asked()).toBe(1);
    await desk.send('desk.requestChanged', { ...change(1, { request: b, waiting: waitingOf([a, b]) }), stream: 'restarted' });
    expect(desk.asked()).toBe(2);
    await desk.answer({ ...base(1, [a, b]), stream: 'restarted' });
    await waitFor(() => expect(result.current.state?.requests.map((r) => r.id)).toEqual([a.id, b.id]));
  });
});
