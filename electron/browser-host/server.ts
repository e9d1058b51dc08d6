import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/csp.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/logger.js';
import { contentTypeFor, resolveStaticPath } from '../core/static-files.js';
import { handleCall, handleEvents } from './http-bridge.js';
import { isAllowedHost, isSameOriginWrite } from './request-guard.js';

/** The loopback address; the host never listens anywhere else. */
export const loopback = '127.0.0.1';

export type BrowserHostOptions = {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** One core per role, each served under its own path: /kiosk/ and /desk/. */
  cores: Readonly<Record<string, Core>>;
  logger: Logger;
};

export type BrowserHost = { origin: string; port: number; urls: Record<string, string>; close(): Promise<void> };

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  res.end(text);
}

async function serveStatic(res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  const file = resolveStaticPath(rendererDir, pathname);
  if (!file) return sendText(res, 404, 'Not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, 'Not found');
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=3600',
    ...securityHeaders,
  });
  createReadStream(file).pipe(res);
}

/**
 * Serves both UIs from the built renderer and bridges the contract over HTTP
 * and server-sent events, on 127.0.0.1 only: for development, demos and the
 * end-to-end tests where the Electron binary cannot be had.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.logger;
  let port = options.port;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req, port)) return sendText(res, 421, 'This host only answers on 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://${loopback}:${port}`);
    const [roleSegment, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!roleSegment) {
      res.writeHead(302, { Location: '/kiosk/' });
      return res.end();
    }
    const core = options.cores[roleSegment];
    if (!core) return sendText(res, 404, 'Not found');
    if (rest.length === 0 && !url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `/${roleSegment}/` });
      return res.end();
    }
    if (rest[0] === 'api') {
      if (req.method === 'POST' && rest[1] === 'call' && rest.length === 3) {
        if (!isSameOriginWrite(req, port)) return sendText(res, 403, 'Cross-site calls are refused.');
        return handleCall(req, res, decodeURIComponent(rest[2] ?? ''), core, log);
      }
      if (req.method === 'GET' && rest[1] === 'events' && rest.length === 2) return handleEvents(req, res, core);
      return sendText(res, 404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(res, options.rendererDir, `/${rest.join('/')}`);
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error('request failed', { kind: error instanceof Error ? error.name : typeof error });
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, loopback, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${loopback}:${port}`;
  const urls = Object.fromEntries(Object.keys(options.cores).map((role) => [role, `${origin}/${role}/`]));
  log.info('browser host listening on loopback only', { url: origin, port });

  return {
    origin,
    port,
    urls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
