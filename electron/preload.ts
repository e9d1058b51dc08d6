/**
 * The sandboxed preload: the only module that touches `ipcRenderer`. It gives
 * the page `window.lobby`, one function per contract call plus `on` for
 * events, all derived from shared/contract.ts. The page never sees
 * ipcRenderer, an IpcRendererEvent, or a channel name it could choose.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { unwrapResult, type CallResult } from '../shared/call-result.js';
import { ipcRoute } from '../shared/ipc-routes.js';
import { callNames, isEventName, type CallName, type EventName, type LobbyApi } from '../shared/contract.js';

/** A failed call rejects with a plain CallFailure (see shared/call-result.ts): it survives contextBridge whole. */
async function invoke(name: CallName, input: unknown): Promise<unknown> {
  return unwrapResult((await ipcRenderer.invoke(ipcRoute.call(name), input)) as CallResult<unknown>);
}

let saidReady = false;

/**
 * Tells main the page has its first listeners in place, once per page load:
 * main holds events until then. After the current task, so that every
 * listener the page adds in the same batch (one React commit) is in place.
 */
function sayReady(): void {
  if (saidReady) return;
  saidReady = true;
  setTimeout(() => ipcRenderer.send(ipcRoute.rendererReady), 0);
}

function on(name: EventName, listener: (payload: unknown) => void): () => void {
  if (!isEventName(name)) throw new Error(`unknown event: ${String(name).slice(0, 60)}`);
  if (typeof listener !== 'function') throw new Error('on: the listener must be a function');
  sayReady();
  // The IpcRendererEvent stays here: it carries `sender`, a way back to ipcRenderer.
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  const eventRoute = ipcRoute.event(name);
  ipcRenderer.on(eventRoute, forward);
  return () => {
    ipcRenderer.removeListener(eventRoute, forward);
  };
}

const calls = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => invoke(name, input)]));

// The dynamic object is checked against LobbyApi by the preload test; the cast is where types meet runtime.
const api = { ...calls, on } as unknown as LobbyApi;

contextBridge.exposeInMainWorld('lobby', api);
