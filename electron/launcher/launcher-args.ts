/**
 * `npm start`'s flags: the browser host's (its fallback), of which the app
 * itself takes only the two it knows, so Electron is never handed a flag
 * that main would refuse.
 */
import { hostFlags } from '../browser-host/host-cli.js';
import { parseFlags } from '../core/command-line.js';

export type LauncherArgs = { electron: string[]; host: string[] };

/** Throws a CommandLineError naming the flags for anything unknown, before anything starts. */
export function splitLauncherArgs(args: readonly string[]): LauncherArgs {
  const { values } = parseFlags('npm start', args, hostFlags);
  const electron = [...(values.config ? ['--config', values.config] : []), ...(values.profile ? ['--profile', values.profile] : [])];
  return { electron, host: [...args] };
}
