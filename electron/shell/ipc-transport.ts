/**
 * The Electron IPC transport for the contract: the only module that touches
 * `ipcMain`. Handlers and event forwarding are derived from shared/contract.ts,
 * so a new call needs no change here.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { CallResult } from '../../shared/call-result.js';
import { channel } from '../../shared/channels.js';
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
export function senderProblem(event: IpcMainInvokeEvent, isAppPage: (url: string) => boolean): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'no-sender-frame';
  if (frame.parent !== null) return 'not-main-frame';
  if (!isAppPage(frame.url)) return 'foreign-origin';
  return null;
}

/** Registers one handler per contract call and forwards the core's events; returns a function that undoes both. */
export function bindIpc({ core, policy, logger, targets }: IpcOptions): () => void {
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
    ipcMain.handle(channel.call(name), (event, payload: unknown) => handle(name, event, payload));
  }
  // electron-store answers renderers on a channel of its own (for stores opened in a renderer, which this
  // app never does). Nothing outside the contract may answer a page, so that listener goes.
  ipcMain.removeAllListeners(electronStoreChannel);

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of targets()) {
      // A window mid-close or a page that is not ours gets nothing.
      if (contents.isDestroyed() || !policy.isAppPage(contents.getURL())) continue;
      contents.send(channel.event(name), payload);
    }
  });

  return () => {
    for (const name of callNames) ipcMain.removeHandler(channel.call(name));
    unsubscribe();
  };
}
