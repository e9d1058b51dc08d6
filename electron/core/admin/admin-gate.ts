/**
 * The door in front of every admin call. Whatever the transport (Electron IPC,
 * the browser host's HTTP bridge), a call whose name starts with `admin.`
 * runs only while an admin session opened with the PIN is active. The only
 * exceptions are the calls that open one. Adding an `admin.*` call anywhere
 * gates it automatically: the check is by name, not by a list of calls.
 */
import { CallRefused } from '../../../shared/call-result.js';
import type { CallHandlers, CallName } from '../../../shared/contract.js';
import type { Logger } from '../logger.js';
import type { AdminSession } from './admin-session.js';

/** The calls that may run without a session: they are how one is opened. */
export const openingCalls: ReadonlySet<string> = new Set(['admin.session.state', 'admin.session.unlock', 'admin.session.createPin']);

export const adminPrefix = 'admin.';

/** True for a call that needs an active admin session. */
export function needsAdminSession(name: string): boolean {
  return name.startsWith(adminPrefix) && !openingCalls.has(name);
}

/** The sentence the screen shows when an admin call is refused. */
export const lockedMessage = 'The admin screen is locked. Enter the PIN.';

/**
 * Wraps every gated handler: refuses (and logs the call's name, nothing else)
 * without an active session; a call that runs counts as a touch.
 */
export function gateAdminCalls(handlers: CallHandlers, session: AdminSession, logger: Logger): CallHandlers {
  const gated = { ...handlers } as Record<CallName, (input: unknown) => unknown>;
  for (const name of Object.keys(handlers) as CallName[]) {
    if (!needsAdminSession(name)) continue;
    const handler = handlers[name] as (input: unknown) => unknown;
    gated[name] = (input: unknown) => {
      if (!session.touch()) {
        logger.warn('admin call refused: no admin session', { call: name });
        throw new CallRefused(lockedMessage);
      }
      return handler(input);
    };
  }
  return gated as CallHandlers;
}
