import type { LobbyApi, ListenOptions } from '../../../shared/contract';

/**
 * Adds `{ signal }` to `on` for any transport. The preload's `on` cannot take
 * a signal itself (contextBridge copies an AbortSignal into a plain object),
 * so the signal is kept on the page's side and calls the remover it got back.
 */
export function withAbortSignals(api: LobbyApi): LobbyApi {
  const on: LobbyApi['on'] = (name, listener, options?: ListenOptions) => {
    const signal = options?.signal;
    if (signal?.aborted) return () => {};
    const off = api.on(name, listener);
    signal?.addEventListener('abort', off, { once: true });
    return () => {
      signal?.removeEventListener('abort', off);
      off();
    };
  };
  // The calls are the transport's own functions; only `on` changes. An empty target, because the
  // preload's object may be frozen, and a Proxy must not answer differently for a frozen property.
  return new Proxy({} as LobbyApi, {
    get: (_target, property) => (property === 'on' ? on : (api as unknown as Record<PropertyKey, unknown>)[property]),
  });
}
