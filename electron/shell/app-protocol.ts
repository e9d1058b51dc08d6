import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/csp.js';
import type { Logger } from '../core/logger.js';
import { contentTypeFor, resolveStaticPath } from '../core/static-files.js';
import { appHost, appScheme } from './app-origin.js';

/**
 * Declares app:// a standard, secure scheme. Must run before the app is ready.
 * Standard gives the page a real origin (so CSP 'self' and relative URLs work);
 * secure makes it a secure context, as https would be.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache lets V8 cache compiled scripts between launches: first paint on a slow kiosk.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer at app://bundle/ from `rendererDir`. Call once the app is ready. */
export function handleAppProtocol(rendererDir: string, logger: Logger): void {
  protocol.handle(appScheme, (request) => serveAppRequest(request, rendererDir, logger));
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
};

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Answers one app:// request: a file inside `rendererDir` with its content type,
 * the CSP and nosniff; 404 for another host, a path that leaves the folder, or
 * a missing file. Exported so tests can call it with a plain Request.
 */
export async function serveAppRequest(request: Request, rendererDir: string, logger: Logger): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== appHost) {
    logger.warn('refused an app:// request for another host', { reason: 'wrong-host' });
    return refuse(404);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file) {
    logger.warn('refused an app:// path outside the renderer folder', { reason: 'outside-root' });
    return refuse(404);
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await readFile(file));
  } catch (error) {
    logger.warn('app:// file not found', { path: url.pathname, code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    return refuse(404);
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) },
  });
}
