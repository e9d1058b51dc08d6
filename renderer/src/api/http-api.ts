import { unwrapResult, type CallResult } from '../../../shared/call-result';
import { ipcRoute } from '../../../shared/ipc-routes';
import type { EventName, LobbyApi } from '../../../shared/contract';

/**
 * The contract over HTTP and server-sent events, for the browser host. Paths
 * are relative to the page (…/kiosk/ or …/desk/), so each page talks to its own core.
 */
/** How long a call waits for the event stream to open before it goes anyway. */
const streamWaitMs = 3_000;

export function createHttpApi(baseUrl: string = document.baseURI): LobbyApi {
  // Once the page listens for events, calls wait until the stream is open: the host sends a page only
  // what happens after it subscribed, so a fetch answered earlier could miss a change made in between.
  let streamOpen: Promise<void> | null = null;
  const call = async (name: string, input: unknown) => {
    if (streamOpen) await streamOpen;
    const response = await fetch(new URL(`api/call/${encodeURIComponent(name)}`, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return unwrapResult((await response.json()) as CallResult<unknown>);
  };

  let source: EventSource | null = null;
  const eventSource = () => {
    if (source) return source;
    const opened = new EventSource(new URL('api/events', baseUrl));
    streamOpen = new Promise<void>((resolve) => {
      opened.addEventListener('open', () => resolve(), { once: true });
      // A stream that cannot open must not stop the calls: they go after an error or the wait.
      opened.addEventListener('error', () => resolve(), { once: true });
      setTimeout(resolve, streamWaitMs);
    });
    source = opened;
    return opened;
  };

  const on = (name: EventName, listener: (payload: unknown) => void) => {
    const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    eventSource().addEventListener(ipcRoute.event(name), handler);
    return () => eventSource().removeEventListener(ipcRoute.event(name), handler);
  };
  // Every property but `on` is a call; main validates the name, so the renderer needs no copy of the schemas.
  return new Proxy({} as LobbyApi, {
    get: (_target, property) =>
      property === 'on' ? on : typeof property === 'string' ? (input: unknown) => call(property, input) : undefined,
  });
}
