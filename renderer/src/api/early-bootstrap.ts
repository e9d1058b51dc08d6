import type { Bootstrap } from '../../../shared/bootstrap';
import { unwrapResult, type CallResult } from '../../../shared/call-result';
import type { LobbyApi } from '../../../shared/contract';

declare global {
  interface Window {
    /**
     * The bootstrap call's raw answer, asked for by index.html's role preload
     * script while the entry still downloads (browser host only); undefined
     * if that request failed.
     */
    lobbyEarlyBootstrap?: Promise<unknown>;
  }
}

/**
 * The API with its first `app.getBootstrap` answered by the request index.html
 * already sent, so the first screen does not wait for the entry to load and
 * only then make the round trip. Any later call, or a first one whose early
 * request failed, goes to the transport as usual.
 */
export function withEarlyBootstrap(api: LobbyApi, early: Promise<unknown> | undefined): LobbyApi {
  if (!early) return api;
  let pending: Promise<unknown> | undefined = early;
  const getBootstrap: LobbyApi['app.getBootstrap'] = (input) => {
    const answer = pending;
    pending = undefined;
    if (!answer) return api['app.getBootstrap'](input);
    return answer.then((json) => (json === undefined ? api['app.getBootstrap'](input) : unwrapResult(json as CallResult<Bootstrap>)));
  };
  return new Proxy({} as LobbyApi, {
    get: (_target, property) =>
      property === 'app.getBootstrap' ? getBootstrap : (api as unknown as Record<PropertyKey, unknown>)[property],
  });
}
