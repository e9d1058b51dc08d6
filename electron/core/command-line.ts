/**
 * Command-line flags for every entry point (the Electron app, `npm start`, the
 * browser host, the PIN hash tool), read with `node:util` parseArgs so that
 * `--x=1` and `--x 1` mean the same everywhere and a mistyped flag is an error
 * that names the flags there are, not a silent default.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** A flag the person typed that this program does not know, or a value missing or given where none belongs. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineError';
  }
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

/**
 * Parses `argv` (without the node and script paths) against `options`.
 * Throws a CommandLineError that names the program and lists its flags.
 */
export function parseFlags<O extends ParseArgsOptionsConfig>(program: string, argv: readonly string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const known = Object.entries(options)
      .map(([name, option]) => (option.type === 'string' ? `--${name}=VALUE` : `--${name}`))
      .join(', ');
    // parseArgs' own message says which flag and why; the list says what was meant.
    const why = (error as Error).message.split('\n')[0] ?? 'bad flag';
    throw new CommandLineError(`${program}: ${why}. The flags it knows: ${known}.`);
  }
}

/** The Chromium switches that open the browser to a debugger; no fuse can turn them off. */
export const remoteDebuggingSwitches = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/**
 * The remote-debugging switch in `argv`, if any, in any form Chromium reads:
 * `--name`, `-name`, `/name` on Windows, with `=value` or a separate value,
 * any letter case (Chromium lower-cases switches on Windows).
 */
export function remoteDebuggingSwitch(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    const bare = arg
      .replace(/^(--|-|\/)/, '')
      .split('=')[0]
      ?.toLowerCase();
    if (bare && (remoteDebuggingSwitches as readonly string[]).includes(bare)) return bare;
  }
  return undefined;
}
