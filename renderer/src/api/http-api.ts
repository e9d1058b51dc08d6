import { unwrapResult, type CallResult } from '../../../shared/call-result';
import { channel } from '../../../shared/channels';
import type { EventName, LobbyApi } from '../../../shared/contract';

/**
 * The contract over HTTP and server-sent events, for the browser host. Paths
 * are relative to the page (…/kiosk/ or …/desk/), so each page talks to its own core.
 */
export function createHttpApi(baseUrl: string = document.baseURI): LobbyApi {
  const call = async (name: string, input: unknown) => {
    const response = await fetch(new URL(`api/call/${encodeURIComponent(name)}`, baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    return unwrapResult((await response.json()) as CallResult<unknown>);
  };

  let source: EventSource | null = null;
  const eventSource = () => (source ??= new EventSource(new URL('api/events', baseUrl)));

  const on = (name: EventName, listener: (payload: unknown) => void) => {
    const handler = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    eventSource().addEventListener(channel.event(name), handler);
    return () => eventSource().removeEventListener(channel.event(name), handler);
  };
  // Every property but `on` is a call; main validates the name, so the renderer needs no copy of the schemas.
  return new Proxy({} as LobbyApi, {
    get: (_target, property) =>
      property === 'on' ? on : typeof property === 'string' ? (input: unknown) => call(property, input) : undefined,
  });
}
