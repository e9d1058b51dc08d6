/**
 * A real HTTP server on 127.0.0.1 whose answers a test scripts: a status
 * (with headers such as Retry-After), a hang (no answer until closed), or a
 * connection reset. It records every request and lets a test wait for one.
 */
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { defaultWaitMs, described, withinTime } from '../../support/within-time.js';

export type Received = { path: string; headers: Record<string, string>; body: string; json: unknown; at: number };
export type Answer = { status: number; json?: unknown; headers?: Record<string, string> } | 'hang' | 'reset';
export type Script = (request: Received, index: number) => Answer | Promise<Answer>;

export type ScriptedServer = {
  origin: string;
  received: Received[];
  /** Replaces the script for the requests that follow. */
  script(next: Script): void;
  /** Resolves with the first request (already received or still to come) that matches; fails after `timeoutMs` saying what came instead. */
  waitFor(match: (request: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
};

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') flat[key] = value;
  return flat;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export async function startScriptedServer(
  initial: Script = () => ({ status: 200, json: { ok: true } }),
  tls?: { key: string; cert: string },
): Promise<ScriptedServer> {
  let script = initial;
  const received: Received[] = [];
  const waiters: Array<{ match: (r: Received) => boolean; resolve: (r: Received) => void }> = [];
  const hanging = new Set<ServerResponse>();

  const listener: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { path: req.url ?? '/', headers: flatHeaders(req), body, json: parse(body), at: Date.now() };
      received.push(entry);
      // The script runs first, so a waiter sees the receiver's state after this request.
      const answered = Promise.resolve(script(entry, received.length - 1));
      for (const waiter of [...waiters]) {
        if (waiter.match(entry)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
      void answered.then((answer) => {
        if (answer === 'hang') hanging.add(res);
        else if (answer === 'reset') req.socket.destroy();
        else {
          res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
          res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
        }
      });
    });
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    origin,
    received,
    script: (next) => {
      script = next;
    },
    waitFor: (match, timeoutMs = defaultWaitMs) => {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      const waiter = { match, resolve: (_r: Received) => {} };
      const pending = new Promise<Received>((resolve) => (waiter.resolve = resolve));
      waiters.push(waiter);
      return withinTime(
        pending,
        timeoutMs,
        () =>
          `a request matching ${described(match)} at ${origin}; received ${received.length}: ${received
            .map((r) => r.path)
            .slice(-10)
            .join(', ')}`,
        () => waiters.splice(waiters.indexOf(waiter), 1),
      );
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
