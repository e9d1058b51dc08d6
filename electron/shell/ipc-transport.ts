/**
 * The Electron IPC transport for the contract: the only module that touches
 * `ipcMain`. Handlers and event forwarding are derived from shared/contract.ts,
 * so a new call needs no change here.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { CallResult } from '../../shared/call-result.js';
import { ipcRoute } from '../../shared/ipc-routes.js';
import { callNames, type CallName } from '../../shared/contract.js';
import { dispatchCall } from '../../shared/dispatch.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/logger.js';
import { urlForLog, type PagePolicy } from './app-origin.js';

/** The synchronous channel electron-store registers in main when a store is first opened. */
export const electronStoreChannel = 'electron-store-get-data';

export type IpcOptions = {
  core: Pick<Core, 'handlers' | 'events'>;
  policy: Pick<PagePolicy, 'isAppPage'>;
  logger: Logger;
  /** The app's windows' webContents, asked afresh for each event (windows come and go). */
  targets: () => readonly WebContents[];
};

/**
 * Why a sender may not call main, or null when it may: only the top frame of
 * a page on the app's own origin. A subframe or a page that somehow navigated
 * elsewhere is refused even though it shares the preload.
 */
export function senderProblem(event: IpcMainInvokeEvent | IpcMainEvent, isAppPage: (url: string) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'no-sender-frame';
  if (frame.parent !== null) return 'not-main-frame';
  if (!isAppPage(frame.url)) return 'foreign-origin';
  return null;
}

/** How many events main holds for a page that has not said it is ready; older ones are dropped first. */
export const maxHeldEvents = 100;

type PageState = { ready: boolean; held: Array<{ route: string; payload: unknown }> };

/**
 * Registers one handler per contract call and forwards the core's events;
 * returns a function that undoes both. Events for a page are held until its
 * preload says the page is ready (its first listeners are in place), and again
 * from each new load of the page, so an event sent while a page starts is
 * never lost between its first fetch and its subscription.
 */
export function bindIpc({ core, policy, logger, targets }: IpcOptions): () => void {
  const pages = new WeakMap<WebContents, PageState>();
  const stateOf = (contents: WebContents): PageState => {
    let state = pages.get(contents);
    if (!state) {
      const fresh: PageState = { ready: false, held: [] };
      state = fresh;
      pages.set(contents, fresh);
      // A new document (reload, recovery) has no listeners until its preload says so again.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) fresh.ready = false;
      });
    }
    return state;
  };
  const onReady = (event: IpcMainEvent) => {
    const problem = senderProblem(event, policy.isAppPage);
    if (problem) {
      logger.warn('refused a ready signal from a foreign sender', { reason: problem });
      return;
    }
    const state = stateOf(event.sender);
    state.ready = true;
    for (const { route, payload } of state.held.splice(0)) event.sender.send(route, payload);
  };
  ipcMain.on(ipcRoute.rendererReady, onReady);

  const handle = async (name: CallName, event: IpcMainInvokeEvent, payload: unknown): Promise<CallResult<unknown>> => {
    const problem = senderProblem(event, policy.isAppPage);
    if (problem) {
      logger.warn('refused a call from a foreign sender', { call: name, reason: problem, origin: urlForLog(event.senderFrame?.url ?? '') });
      return { ok: false, error: { code: 'forbidden-sender', message: `${name}: this sender may not call the app` } };
    }
    return dispatchCall(core.handlers, name, payload, (call, error) => {
      logger.error('a call failed', { call, error: error instanceof Error ? error : 'non-error' });
    });
  };

  for (const name of callNames) {
    ipcMain.handle(ipcRoute.call(name), (event, payload: unknown) => handle(name, event, payload));
  }
  // electron-store answers renderers on a channel of its own (for stores opened in a renderer, which this
  // app never does). Nothing outside the contract may answer a page, so that listener goes.
  ipcMain.removeAllListeners(electronStoreChannel);

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of targets()) {
      // A window mid-close or a page that is not ours gets nothing.
      if (contents.isDestroyed() || !policy.isAppPage(contents.getURL())) continue;
      const state = stateOf(contents);
      if (state.ready) {
        contents.send(ipcRoute.event(name), payload);
        continue;
      }
      state.held.push({ route: ipcRoute.event(name), payload });
      if (state.held.length > maxHeldEvents) {
        state.held.shift();
        logger.warn('a page that never said it was ready is missing events', { dropped: 1 });
      }
    }
  });

  return () => {
    for (const name of callNames) ipcMain.removeHandler(ipcRoute.call(name));
    ipcMain.removeListener(ipcRoute.rendererReady, onReady);
    unsubscribe();
  };
}
