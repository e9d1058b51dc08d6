import { useCallback, useEffect, useRef, useState } from 'react';
import type { LobbyApi } from '../../../../shared/contract';
import type { KioskRequestView, RequestInput } from '../../../../shared/request';
import { newerView, type Submission } from './request-status';
import { priorityOf } from '../../../../shared/request-rules';

/** 24 random hex digits: a key that says nothing about the person. */
function newVisitKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Submits a request and follows it through 'request.changed'. The status is
 * only ever what the core said: no timer here moves it on. The listener is
 * attached before the first submit, and events for the request that arrive
 * before submit resolves are kept, so no step is missed.
 *
 * Unmounting (reset) forgets the request; the core keeps delivering it.
 */
export function useRequestSubmission(api: LobbyApi): { submission: Submission | undefined; submit(input: RequestInput): void } {
  const [submission, setSubmission] = useState<Submission | undefined>(undefined);
  // This visit's key, made at its first submit (most visits never send, and the first call to the random source
  // cost the first paint about 3 ms): the session remounts on reset, so the next person gets a new one.
  const visitKey = useRef<string | undefined>(undefined);
  // Views seen by id, including ones that arrived before submit resolved.
  const seen = useRef(new Map<string, KioskRequestView>());
  const latestSubmit = useRef(0);

  useEffect(() => {
    const views = seen.current;
    const listening = new AbortController();
    api.on(
      'request.changed',
      (view) => {
        views.set(view.id, newerView(views.get(view.id), view));
        setSubmission((current) =>
          current?.state === 'saved' && current.view.id === view.id ? { state: 'saved', view: newerView(current.view, view) } : current,
        );
      },
      { signal: listening.signal },
    );
    return () => {
      listening.abort();
      views.clear();
    };
  }, [api]);

  const submit = useCallback(
    (input: RequestInput) => {
      const attempt = ++latestSubmit.current;
      const priority = priorityOf(input);
      setSubmission({ state: 'sending', priority });
      const settle = (next: Submission) => {
        // A later submit (an emergency after a normal request) owns the screen.
        if (attempt === latestSubmit.current) setSubmission(next);
      };
      // One request per visit and priority, however often Send fires (a stuck key, a bouncing touch driver).
      api['request.submit']({ ...input, idempotencyKey: `${(visitKey.current ??= newVisitKey())}-${priority}` }).then(
        (view) => {
          const known = newerView(seen.current.get(view.id), view);
          settle({ state: 'saved', view: known });
          // In case an event was lost in transit before the listener was connected, ask once.
          api['request.get']({ id: view.id }).then(
            (fresh) => {
              if (fresh)
                setSubmission((current) =>
                  current?.state === 'saved' && current.view.id === fresh.id
                    ? { state: 'saved', view: newerView(current.view, fresh) }
                    : current,
                );
            },
            () => undefined,
          );
        },
        () => settle({ state: 'not-saved', priority }),
      );
    },
    [api],
  );

  return { submission, submit };
}
