import { unwrapResult } from '../../../shared/call-result.js';
import { callNames, type EventName, type LobbyApi } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import type { Core } from '../../../electron/core/create-core.js';
import { withAbortSignals } from '../../../renderer/src/api/with-abort-signals.js';

/**
 * The contract bound straight to a real core, for component tests: the same
 * validation (dispatchCall) and envelope as IPC and HTTP, without a transport.
 * Results are copied through JSON, as a real transport would.
 */
export function inProcessApi(core: Core): LobbyApi {
  const api: Record<string, unknown> = Object.fromEntries(
    callNames.map((name) => [
      name,
      async (input: unknown) => {
        const result = await dispatchCall(core.handlers, name, JSON.parse(JSON.stringify(input ?? {})), () => {});
        return unwrapResult(JSON.parse(JSON.stringify(result)));
      },
    ]),
  );
  api.on = (name: EventName, listener: (payload: unknown) => void) =>
    core.events.subscribe((event, payload) => {
      if (event === name) listener(JSON.parse(JSON.stringify(payload)));
    });
  // Every real transport reaches the page through withAbortSignals, so `{ signal }` works here as there.
  // A plain object still, so a test can spread it and replace one call.
  return { ...(api as LobbyApi), on: withAbortSignals(api as LobbyApi).on };
}
