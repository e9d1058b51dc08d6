/**
 * What main accepts on its command line, checked before anything starts.
 * Chromium reads its own switches from the same list, so the few that the
 * docs and tests use are named here too; anything else is a clear error.
 */
import { CommandLineError, parseFlags, remoteDebuggingSwitch } from '../core/command-line.js';

/** Set by the Electron smoke tests only: Playwright drives Electron through --remote-debugging-port. */
export const allowRemoteDebuggingEnv = 'LOBBY_ALLOW_REMOTE_DEBUGGING';

const mainFlags = {
  // The app's own (docs/configuration.md).
  config: { type: 'string' },
  profile: { type: 'string' },
  // Chromium's and Node's, as docs/install.md and the smoke tests use them.
  'user-data-dir': { type: 'string' },
  'no-sandbox': { type: 'boolean' },
  'ozone-platform': { type: 'string' },
  'ozone-platform-hint': { type: 'string' },
  'enable-features': { type: 'string' },
  'disable-gpu': { type: 'boolean' },
  inspect: { type: 'string' },
  'remote-debugging-port': { type: 'string' },
} as const;

export type CommandLineCheck = { ok: true; config?: string; profile?: string } | { ok: false; message: string };

/**
 * Refuses a command line that opens the app to a debugger (any local program
 * could then drive the public screen), unless an unpackaged test run asks for
 * it, and any flag main does not know.
 */
export function checkCommandLine(argv: readonly string[], context: { isPackaged: boolean; env: NodeJS.ProcessEnv }): CommandLineCheck {
  const debugging = remoteDebuggingSwitch(argv);
  const testRun = !context.isPackaged && context.env[allowRemoteDebuggingEnv] === '1';
  if (debugging && !testRun) {
    return {
      ok: false,
      message: `refusing to start: --${debugging} lets any program on this computer control the app; start it without that switch`,
    };
  }
  try {
    const { values } = parseFlags('Lobby Kiosk', argv, mainFlags);
    return { ok: true, ...(values.config ? { config: values.config } : {}), ...(values.profile ? { profile: values.profile } : {}) };
  } catch (error) {
    if (error instanceof CommandLineError) return { ok: false, message: `refusing to start: ${error.message}` };
    throw error;
  }
}
