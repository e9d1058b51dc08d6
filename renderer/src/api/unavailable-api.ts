import type { CallFailure } from '../../../shared/call-result';
import type { LobbyApi } from '../../../shared/contract';

/**
 * The API of a page inside Electron whose preload did not run: every call
 * fails plainly, so the page shows "please go to the front window" at once.
 * Main has already logged the preload's error (recovery.ts) and reloads.
 */
export function unavailableApi(): LobbyApi {
  const failure: CallFailure = {
    name: 'CallFailure',
    message: 'the app could not reach its main process: the preload did not load',
    code: 'failed',
    issues: [],
  };
  const on = () => () => undefined;
  return new Proxy({} as LobbyApi, {
    get: (_target, property) => (property === 'on' ? on : typeof property === 'string' ? () => Promise.reject(failure) : undefined),
  });
}
