/**
 * A kiosk API whose request moves only when the test says so, for timing
 * tests of the screen (idle, the answered stay) under fake timers. The real
 * core's own behaviour is covered against the real core elsewhere; here the
 * views follow the same shape (KioskRequestView) and the same events.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import path from 'node:path';
import type { ReadyBootstrap } from '../../../../shared/bootstrap';
import { agencyProfileSchema } from '../../../../shared/config';
import type { EventName, EventPayload, LobbyApi } from '../../../../shared/contract';
import type { KioskRequestView, RequestInput } from '../../../../shared/request';
import { withAbortSignals } from '../../../../renderer/src/api/with-abort-signals';
import { resourcesDir } from '../../support/temp-config';

// A whole visit tapped through the screen takes seconds on a shared two-core machine under load:
// the files that drive one get room beyond vitest's default 5 s.
vi.setConfig({ testTimeout: 20_000 });

export const shippedProfile = agencyProfileSchema.parse(
  JSON.parse(readFileSync(path.join(resourcesDir, 'profiles', 'safe-passage-lees-summit.json'), 'utf8')),
);
const languages = JSON.parse(readFileSync(path.join(resourcesDir, 'locales', 'languages.json'), 'utf8')) as ReadyBootstrap['languages'];

export function kioskBootstrap(idle: Partial<ReadyBootstrap['idle']> = {}): ReadyBootstrap {
  return {
    state: 'ready',
    role: 'kiosk',
    placeName: 'Lobby kiosk 1',
    deviceId: 'K1',
    profile: shippedProfile,
    languages,
    idle: { warnAfterSeconds: 60, countdownSeconds: 20, answeredStaySeconds: 180, ...idle },
  };
}

export type ScriptedKiosk = {
  api: LobbyApi;
  submits: RequestInput[];
  /** Moves the last request on, as the core would announce it. */
  move(changes: Partial<KioskRequestView>): void;
};

export function scriptedKioskApi(bootstrap: ReadyBootstrap = kioskBootstrap()): ScriptedKiosk {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const submits: RequestInput[] = [];
  let current: KioskRequestView | undefined;
  let tick = 0;
  const stamp = () => new Date(Date.UTC(2026, 0, 1, 10, 0, tick++)).toISOString();
  const emit = <N extends EventName>(name: N, payload: EventPayload<N>) => {
    for (const listener of listeners.get(name) ?? []) (listener as (p: EventPayload<N>) => void)(payload);
  };
  const api = {
    'app.getBootstrap': async () => bootstrap,
    'app.reportRendererError': async () => ({ recorded: true }),
    'request.submit': async (input: RequestInput) => {
      submits.push(input);
      const priority = input.kind === 'emergency' || input.dangerNow ? 'emergency' : 'normal';
      current = {
        id: `req_${'a'.repeat(23)}${submits.length}`,
        reference: `K1-100${submits.length}`,
        priority,
        phase: 'captured',
        status: 'sending',
        createdAt: stamp(),
        updatedAt: stamp(),
      };
      return current;
    },
    'request.get': async () => current ?? null,
    on: <N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  return {
    api: withAbortSignals(api as unknown as LobbyApi),
    submits,
    move(changes) {
      if (!current) throw new Error('nothing was submitted yet');
      current = { ...current, ...changes, updatedAt: stamp() };
      emit('request.changed', current);
    },
  };
}
