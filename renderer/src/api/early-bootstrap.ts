import type { Bootstrap } from '../../../shared/bootstrap';
import { bootstrapBlockId } from '../../../shared/bootstrap-block';
import type { LobbyApi } from '../../../shared/contract';

/** Just enough to tell a bootstrap from anything else a page might hold. */
function looksLikeBootstrap(value: unknown): value is Bootstrap {
  if (typeof value !== 'object' || value === null) return false;
  const { state, languages } = value as { state?: unknown; languages?: unknown };
  return (state === 'ready' || state === 'out-of-service') && Array.isArray(languages);
}

/**
 * The bootstrap the browser host put into the page it served (a JSON data
 * block, never run), so the first screen needs no round trip for it.
 * Undefined where there is none (an Electron window asks over IPC; the dev
 * server) or when it is not a bootstrap: the first call then asks as usual.
 */
export function embeddedBootstrap(page: Pick<Document, 'getElementById'> = document): Bootstrap | undefined {
  const text = page.getElementById(bootstrapBlockId)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return looksLikeBootstrap(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API with its first `app.getBootstrap` answered by the bootstrap the
 * page came with, so the first screen does not wait for the entry to load
 * and only then make the round trip. Any later call goes to the transport.
 */
export function withEarlyBootstrap(api: LobbyApi, early: Bootstrap | undefined): LobbyApi {
  if (!early) return api;
  let pending: Bootstrap | undefined = early;
  const getBootstrap: LobbyApi['app.getBootstrap'] = (input) => {
    const answer = pending;
    pending = undefined;
    return answer ? Promise.resolve(answer) : api['app.getBootstrap'](input);
  };
  return new Proxy({} as LobbyApi, {
    get: (_target, property) =>
      property === 'app.getBootstrap' ? getBootstrap : (api as unknown as Record<PropertyKey, unknown>)[property],
  });
}
