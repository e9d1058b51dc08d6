import type { LobbyApi } from '../../../../shared/contract';
import { withAbortSignals } from '../../../../renderer/src/api/with-abort-signals';

export type CountedApi = {
  /** The API as a page gets it: `{ signal }` handled by withAbortSignals, as in getApi. */
  api: LobbyApi;
  /** Listeners the transport still holds, however the page removed the others. */
  attached(): number;
  /** Names of the calls made so far, in order. */
  calls: string[];
  /** Names of the events handed to the page's listeners so far, in order. */
  heard: string[];
};

/**
 * Wraps a transport so a test can see what a screen leaves behind: how many
 * event listeners are still attached and which calls were made. The page
 * side is the real withAbortSignals, so a listener removed through its
 * signal is counted as removed only if the signal really reached the transport.
 */
export function countedListeners(transport: LobbyApi): CountedApi {
  let attached = 0;
  const calls: string[] = [];
  const heard: string[] = [];
  const on: LobbyApi['on'] = (name, listener) => {
    attached += 1;
    const off = transport.on(name, (payload) => {
      heard.push(name);
      listener(payload);
    });
    let removed = false;
    return () => {
      if (!removed) attached -= 1;
      removed = true;
      off();
    };
  };
  const counted = new Proxy({} as LobbyApi, {
    get: (_target, property) => {
      if (property === 'on') return on;
      const value = (transport as unknown as Record<PropertyKey, unknown>)[property];
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      return (input: unknown) => {
        calls.push(property);
        return (value as (input: unknown) => unknown)(input);
      };
    },
  });
  return { api: withAbortSignals(counted), attached: () => attached, calls, heard };
}
