import type { LobbyApi } from '../../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host, where the HTTP bridge stands in. */
    readonly lobby?: LobbyApi;
  }
}
