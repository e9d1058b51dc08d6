import { spawn } from 'node:child_process';

/** How an Electron run ended, as far as `npm start` cares. */
export type ElectronRun =
  /** It exited by itself: a code of its own choosing (0 after an ordinary quit). */
  | { kind: 'exited'; code: number }
  /** It never ran or died: a signal we did not send, or a non-zero exit while starting. */
  | { kind: 'failed'; reason: string; whileStarting: boolean; signal?: NodeJS.Signals }
  /** We passed on Ctrl+C or a service stop, and it stopped. */
  | { kind: 'stopped'; signal: NodeJS.Signals };

export type RunOptions = {
  env: NodeJS.ProcessEnv;
  /** A non-zero exit this soon after launch means the machine cannot run it (no display, sandbox, libraries). */
  startWindowMs?: number;
  /** Signals to pass on to Electron, so Ctrl+C and a service stop end it cleanly. */
  forward?: readonly NodeJS.Signals[];
};

/**
 * The child's environment. ELECTRON_RUN_AS_NODE (set by some editors and
 * tools) would turn Electron into plain Node, which runs main.js without an
 * app and exits 0 having shown nothing.
 */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const child = { ...env };
  delete child.ELECTRON_RUN_AS_NODE;
  return child;
}

/** Runs Electron with the terminal attached and says how it ended. */
export function runElectron(binary: string, args: readonly string[], options: RunOptions): Promise<ElectronRun> {
  const startWindowMs = options.startWindowMs ?? 5_000;
  const startedAt = Date.now();
  let forwarded: NodeJS.Signals | null = null;
  const child = spawn(binary, [...args], { stdio: 'inherit', env: electronEnv(options.env) });
  const forwarders = (options.forward ?? []).map((signal) => {
    const pass = () => {
      forwarded = signal;
      child.kill(signal);
    };
    process.on(signal, pass);
    return () => process.removeListener(signal, pass);
  });
  return new Promise<ElectronRun>((resolve) => {
    const settle = (run: ElectronRun) => {
      for (const remove of forwarders) remove();
      resolve(run);
    };
    child.once('error', (error) => settle({ kind: 'failed', reason: error.message, whileStarting: true }));
    child.once('exit', (code, signal) => {
      const whileStarting = Date.now() - startedAt < startWindowMs;
      if (signal !== null && signal === forwarded) settle({ kind: 'stopped', signal });
      else if (signal !== null) settle({ kind: 'failed', reason: `it was stopped by the signal ${signal}`, whileStarting, signal });
      else if (code !== 0 && whileStarting) settle({ kind: 'failed', reason: `it exited with code ${code} while starting`, whileStarting });
      else settle({ kind: 'exited', code: code ?? 1 });
    });
  });
}
