/**
 * The real thing, as a child process: the built browser host (dist-electron/host.js)
 * with a kiosk config of the test's own, so a test can SIGKILL it mid-delivery.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { rawRequest } from '../../../e2e/support/raw-http.js';
import { repoRoot } from '../../support/temp-config.js';

export const hostScript = path.join(repoRoot, 'dist-electron', 'host.js');
export const isBuilt = () => existsSync(hostScript) && existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'));

export type HostProcess = {
  child: ChildProcess;
  origin: string;
  call(name: string, input: unknown): Promise<{ status: number; json: unknown }>;
  kill(): Promise<void>;
};

export async function startHostProcess(args: {
  kioskConfig: string;
  deskConfig: string;
  dataDir: string;
  dataKey: string;
}): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    [hostScript, '--port=0', `--kiosk-config=${args.kioskConfig}`, `--desk-config=${args.deskConfig}`, `--data-dir=${args.dataDir}`],
    { cwd: repoRoot, env: { ...process.env, LOBBY_DATA_KEY: args.dataKey }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (process.env.LOBBY_DEBUG_HOST) process.stderr.write(chunk);
  });
  // The printed kiosk URL: its origin, and the run's token, sent with each call as a script would.
  const [origin, token] = await new Promise<[string, string]>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /Kiosk \(public screen\): (http:\/\/127\.0\.0\.1:\d+)\/kiosk\/\?token=([\w-]+)/.exec(stdout);
      if (match?.[1] && match[2]) resolve([match[1], match[2]]);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}) before listening:\n${stderr.slice(-2000)}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    origin,
    call: async (name, input) => {
      const { host } = new URL(origin);
      const response = await rawRequest(origin, {
        method: 'POST',
        path: `/kiosk/api/call/${name}`,
        headers: { Host: host, 'Content-Type': 'application/json', Origin: origin, Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: response.status, json: JSON.parse(response.body) as unknown };
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
