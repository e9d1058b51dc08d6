import type { LobbyApi } from '../../../shared/contract';

/**
 * Sends an error's class and where it happened to main's log. Never its
 * message or stack: those can hold what a person typed.
 */
export function reportError(api: LobbyApi, where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const kind = /^[A-Za-z0-9]{1,40}$/.test(name) ? name : 'UnknownError';
  // Reporting must never throw into the code that is already failing.
  api['app.reportRendererError']({ where, kind }).catch(() => undefined);
}
