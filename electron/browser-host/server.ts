import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentSecurityPolicy } from '../../shared/csp.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/logger.js';
import { contentTypeFor, resolveStaticPath } from '../core/static-files.js';
import { withEmbeddedBootstrap } from './embedded-bootstrap.js';
import { handleCall, handleEvents } from './http-bridge.js';
import { readRoleFiles, withRolePreloads, type RoleFiles } from './role-preloads.js';
import { isAllowedHost, isSameOriginWrite } from './request-guard.js';
import { hasRunToken, newRunToken, tokenCookie, tokenParam, tokensMatch } from './run-token.js';

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
  /** This run's key (tests may choose it); a new random one when left out. */
  token?: string;
};

export type BrowserHost = {
  origin: string;
  port: number;
  /** The pages to open, per role, each carrying this run's token: print them, never log them. */
  urls: Record<string, string>;
  close(): Promise<void>;
};

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

const needsToken =
  "This browser host needs this run's key. Open the address printed in the terminal where it started (it ends in ?token=...).";

/** 401 for a request without this run's token: the same CallResult shape for a call, plain text for a page. */
function refuseWithoutToken(res: ServerResponse, isApi: boolean): void {
  if (!isApi) return sendText(res, 401, needsToken);
  const body = JSON.stringify({ ok: false, error: { code: 'forbidden-sender', message: needsToken } });
  res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(body);
}

type Page = { core: Core; roleFiles: RoleFiles | undefined };

async function serveStatic(res: ServerResponse, rendererDir: string, pathname: string, role: Page): Promise<void> {
  const file = resolveStaticPath(rendererDir, pathname);
  if (!file) return sendText(res, 404, 'Not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, 'Not found');
  if (file === path.resolve(rendererDir, 'index.html')) {
    // The role's page comes with its bootstrap and its role's preloads, so its first screen waits on no round trip for either.
    const page = withEmbeddedBootstrap(withRolePreloads(await readFile(file, 'utf8'), role.roleFiles), role.core.bootstrap());
    res.writeHead(200, {
      'Content-Type': contentTypeFor(file),
      'Content-Length': Buffer.byteLength(page),
      'Cache-Control': 'no-store',
      ...securityHeaders,
    });
    return void res.end(page);
  }
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
  const token = options.token ?? newRunToken();
  // A Map, so a path like /constructor/ or /__proto__/ finds no role.
  const cores = new Map(Object.entries(options.cores));
  const roleFiles = await readRoleFiles(options.rendererDir);

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req, port)) return sendText(res, 421, 'This host only answers on 127.0.0.1.');
    const url = new URL(req.url ?? '/', `http://${loopback}:${port}`);
    const [roleSegment, ...rest] = url.pathname.split('/').filter(Boolean);
    const offered = url.searchParams.get(tokenParam);
    if (offered !== null && req.method === 'GET' && tokensMatch(offered, token)) {
      // A printed URL: the token becomes a cookie, and the address bar (and history) lose it.
      url.searchParams.delete(tokenParam);
      res.writeHead(303, { Location: `${url.pathname}${url.search}`, 'Set-Cookie': tokenCookie(port, token), 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (!hasRunToken(req, port, token)) {
      // Never the query: it may hold a wrong guess of the token.
      log.warn("refused a request without this run's key", { method: req.method ?? '', path: url.pathname.slice(0, 80) });
      return refuseWithoutToken(res, rest[0] === 'api');
    }
    if (!roleSegment) {
      res.writeHead(302, { Location: '/kiosk/' });
      return res.end();
    }
    const core = cores.get(roleSegment);
    if (!core) return sendText(res, 404, 'Not found');
    if (rest.length === 0 && !url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: `/${roleSegment}/` });
      return res.end();
    }
    if (rest[0] === 'api') {
      if (req.method === 'POST' && rest[1] === 'call' && rest.length === 3) {
        if (!isSameOriginWrite(req, port)) return sendText(res, 403, 'Cross-site calls are refused.');
        const name = decodedSegment(rest[2] ?? '');
        if (name === undefined) return sendText(res, 400, 'The call name is not a valid address.');
        return handleCall(req, res, name, core, log);
      }
      if (req.method === 'GET' && rest[1] === 'events' && rest.length === 2) return handleEvents(req, res, core);
      return sendText(res, 404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(res, options.rendererDir, `/${rest.join('/')}`, { core, roleFiles: roleFiles[roleSegment] });
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
  const urls = Object.fromEntries([...cores.keys()].map((role) => [role, `${origin}/${role}/?${tokenParam}=${token}`]));
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

/** A path segment decoded, or undefined when its percent-encoding is malformed (a 400, not a thrown 500). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
