/**
 * What `npm start` does, with its surroundings passed in so tests can run it
 * against a stand-in Electron: run the app, or say plainly why it cannot run
 * and start the browser host instead. It never reports success for an app
 * that did not start.
 */
import { constants } from 'node:os';
import { runElectron } from './run-electron.js';
import { sandboxHint, type SandboxProbe } from './sandbox-hint.js';

export type LaunchOptions = {
  /** The Electron binary, or why there is none. */
  electron: { path: string } | { error: string };
  appRoot: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Starts the browser host and returns the lines telling the person where to open it; throws when it cannot start. */
  startBrowserHost(): Promise<string>;
  print(text: string): void;
  startWindowMs?: number;
  probe?: SandboxProbe;
};

/** The exit code for a process ended by `signal`, as a shell reports it. */
function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

async function startBrowserHostInstead(options: LaunchOptions, why: readonly string[]): Promise<number | null> {
  for (const line of why) options.print(line);
  options.print('Starting the browser host instead: the same app, in your web browser.\n');
  try {
    options.print(await options.startBrowserHost());
    return null;
  } catch (error) {
    options.print(`The browser host could not start either: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Resolves with the exit code to leave with, or null while the browser host serves on instead. */
export async function launch(options: LaunchOptions): Promise<number | null> {
  const { electron } = options;
  if ('error' in electron) return startBrowserHostInstead(options, [`Electron cannot run on this machine (${electron.error}).`]);

  const run = await runElectron(electron.path, [options.appRoot, ...options.args], {
    env: options.env,
    startWindowMs: options.startWindowMs,
    forward: ['SIGINT', 'SIGTERM'],
  });
  if (run.kind === 'exited') return run.code;
  if (run.kind === 'stopped') return signalExitCode(run.signal);

  const hint = options.platform === 'linux' ? sandboxHint(electron.path, options.probe) : [];
  if (!run.whileStarting) {
    options.print(`Electron stopped: ${run.reason}.`);
    return run.signal ? signalExitCode(run.signal) : 1;
  }
  return startBrowserHostInstead(options, [`Electron did not start: ${run.reason}.`, ...hint]);
}
