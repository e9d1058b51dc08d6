import type { LobbyApi } from '../../../shared/contract';
import { createHttpApi } from './http-api';
import { unavailableApi } from './unavailable-api';
import { withAbortSignals } from './with-abort-signals';

/** What decides the transport: the preload's API, and where the page was served from. */
export type ApiScope = { readonly lobby?: LobbyApi; readonly location: { readonly protocol: string } };

/**
 * The preload's API inside Electron; the HTTP bridge in the browser host.
 * A page on app:// is inside Electron whatever happened to its preload, so it
 * never falls back to HTTP: there is no server behind app://…/api/, and
 * failing at once is clearer than requests that cannot be answered.
 */
export function getApi(scope: ApiScope = window): LobbyApi {
  if (scope.lobby) return withAbortSignals(scope.lobby);
  if (scope.location.protocol === 'app:') return unavailableApi();
  return withAbortSignals(createHttpApi());
}
