import { useEffect, useState } from 'react';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskChange, DeskRequestView, DeskState } from '../../../shared/desk';
import { applyDeskChange } from '../../../shared/desk-change';

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
  return request && next !== previous && next.requests.length > previous.requests.length ? [request] : [];
}

/** Our state after one change, with what it brought in. */
function withChange(previous: DeskStateResult, change: DeskChange): DeskStateResult {
  if (!previous.state) return previous;
  const next = applyDeskChange(previous.state, change);
  return { state: next, failed: false, arrived: arrivalIn(previous.state, next, change) };
}

/** A whole state replaces ours only when it is newer (an answer to getState can be overtaken by events). */
function newerWhole(previous: DeskStateResult, state: DeskState): DeskStateResult {
  if (previous.state && previous.state.revision >= state.revision) return previous;
  return { state, failed: false, arrived: [] };
}

/**
 * The desk's live state: fetched once on mount, then kept up to date one
 * change at a time by `desk.requestChanged`, and replaced whole by the rare
 * `desk.changed`. Every state and change carries the desk's revision, so a
 * change that arrives before the first fetch answers is kept and applied to
 * that answer, and one the answer already holds is skipped.
 */
export function useDeskState(api: LobbyApi): DeskStateResult {
  const [result, setResult] = useState<DeskStateResult>({ state: null, failed: false, arrived: [] });

  useEffect(() => {
    let active = true;
    // Changes heard before the first state: applied to it once it comes.
    let early: DeskChange[] = [];
    let haveState = false;
    const unsubscribes: Array<() => void> = [];
    try {
      unsubscribes.push(
        api.on('desk.changed', (state) => {
          if (!active) return;
          haveState = true;
          setResult((previous) => newerWhole(previous, state));
        }),
        api.on('desk.requestChanged', (change) => {
          if (!active) return;
          if (!haveState) {
            early.push(change);
            return;
          }
          setResult((previous) => withChange(previous, change));
        }),
      );
    } catch {
      // A transport without events (no EventSource) still shows the first state.
    }
    api['desk.getState']({}).then(
      (state) => {
        if (!active) return;
        haveState = true;
        const pending = early;
        early = [];
        setResult((previous) => {
          const whole = newerWhole(previous, state);
          const next = pending.reduce((current, change) => applyDeskChange(current, change), whole.state ?? state);
          return { state: next, failed: false, arrived: [] };
        });
      },
      () => {
        if (active) setResult((previous) => (previous.state ? previous : { ...previous, failed: true }));
      },
    );
    return () => {
      active = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [api]);

  return result;
}
