import type { EventName, EventPayload, EventSource } from '../../shared/contract.js';

type Listener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** Fans the core's events out to every transport that subscribed (IPC, SSE). */
export function createEventHub(): EventSource & { emit<N extends EventName>(name: N, payload: EventPayload<N>): void } {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
  };
}
