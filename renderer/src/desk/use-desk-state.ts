import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskChange, DeskRequestView, DeskState } from '../../../shared/desk';
import { applyDeskChange, changeFits } from '../../../shared/desk-change';

export type DeskStateResult = {
  state: DeskState | null;
  failed: boolean;
  /** Requests that appeared in the latest change, for the live region; empty on the first state. */
  arrived: DeskRequestView[];
};

/**
 * The request a change brought in, when it is new to the console. A change
 * carries one request or one removal, so the list grows only by a new one:
 * comparing lengths says so without looking through every open request.
 */
function arrivalIn(previous: DeskState, next: DeskState, change: DeskChange): DeskRequestView[] {
  const request = change.request;
  return request && next.requests.length > previous.requests.length ? [request] : [];
}

/**
 * The desk's live state: fetched once on mount, then kept up to date one
 * change at a time by `desk.requestChanged`, and replaced whole by the rare
 * `desk.changed`. Every state and change carries the desk's revision: a
 * change heard while the whole state is being fetched is kept and applied to
 * it, one the state already holds is skipped, and one that shows a change
 * was missed (the event stream reconnected) fetches the whole state again,
 * since a change carries only what changed.
 */
export function useDeskState(api: LobbyApi): DeskStateResult {
  const [result, setResult] = useState<DeskStateResult>({ state: null, failed: false, arrived: [] });

  useEffect(() => {
    let active = true;
    // What the console shows, held here too, so each event is checked against it as it comes.
    let current: DeskState | null = null;
    // Changes heard while the whole state is on its way: applied to it once it comes.
    let pending: DeskChange[] | undefined = [];
    const show = (next: DeskState, arrived: DeskRequestView[]) => {
      current = next;
      setResult({ state: next, failed: false, arrived });
    };
    /**
     * A whole state replaces ours when it is newer (an answer to getState can
     * be overtaken by events), or from a desk service that started again and
     * so counts its revisions anew.
     */
    const showWhole = (state: DeskState) => {
      if (!current || current.stream !== state.stream || current.revision < state.revision) show(state, []);
    };
    const apply = (change: DeskChange) => {
      if (!current) return;
      const fits = changeFits(current, change);
      if (fits === 'held') return;
      if (fits === 'missed') {
        load();
        return;
      }
      const next = applyDeskChange(current, change);
      const arrived = arrivalIn(current, next, change);
      // Drawn in the event's own task: left to React's scheduler, the render waits for a task of its own, and on a busy
      // desk computer that wait is part of the time before the officer sees the card.
      flushSync(() => show(next, arrived));
    };
    function load() {
      pending ??= [];
      api['desk.getState']({}).then(
        (state) => {
          if (!active) return;
          const heard = pending ?? [];
          pending = undefined;
          showWhole(state);
          for (const change of heard) apply(change);
        },
        () => {
          if (!active) return;
          pending = undefined;
          if (!current) setResult((previous) => ({ ...previous, failed: true }));
        },
      );
    }

    const unsubscribes: Array<() => void> = [];
    try {
      unsubscribes.push(
        api.on('desk.changed', (state) => {
          if (active) showWhole(state);
        }),
        api.on('desk.requestChanged', (change) => {
          if (!active) return;
          if (pending) pending.push(change);
          else apply(change);
        }),
      );
    } catch {
      // A transport without events (no EventSource) still shows the first state.
    }
    load();
    return () => {
      active = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [api]);

  return result;
}
