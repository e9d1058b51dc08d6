import type { LobbyApi } from '../../../shared/contract';
import { createHttpApi } from './http-api';

/** The preload's API inside Electron; the HTTP bridge in the browser host. */
export function getApi(): LobbyApi {
  return window.lobby ?? createHttpApi();
}
