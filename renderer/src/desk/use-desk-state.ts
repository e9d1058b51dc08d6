import { useEffect, useRef, useState } from 'react';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskRequestView, DeskState } from '../../../shared/desk';

export type DeskStateResult = {
  state: DeskState | null;
  failed: boolean;
  /** Requests that appeared in the latest change, for the live region; empty on the first state. */
  arrived: DeskRequestView[];
};

function arrivals(previous: DeskState | null, next: DeskState): DeskRequestView[] {
  if (!previous) return [];
  const known = new Set(previous.requests.map((request) => request.id));
  return next.requests.filter((request) => !known.has(request.id));
}

/**
 * The desk's live state: fetched once on mount, then replaced whole by every
 * `desk.changed` event. An event that arrives before the first fetch answers
 * is newer than that answer, so the answer is then ignored.
 */
export function useDeskState(api: LobbyApi): DeskStateResult {
  const [result, setResult] = useState<DeskStateResult>({ state: null, failed: false, arrived: [] });
  const heardEvent = useRef(false);

  useEffect(() => {
    let active = true;
    heardEvent.current = false;
    let unsubscribe = () => {};
    try {
      unsubscribe = api.on('desk.changed', (state) => {
        heardEvent.current = true;
        if (active) setResult((previous) => ({ state, failed: false, arrived: arrivals(previous.state, state) }));
      });
    } catch {
      // A transport without events (no EventSource) still shows the first state.
    }
    api['desk.getState']({}).then(
      (state) => {
        if (active && !heardEvent.current) setResult({ state, failed: false, arrived: [] });
      },
      () => {
        if (active && !heardEvent.current) setResult((previous) => ({ ...previous, failed: true }));
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return result;
}
