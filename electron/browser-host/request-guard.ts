import type { IncomingMessage } from 'node:http';

/**
 * The browser host serves loopback only. These checks stop other pages in the
 * same browser from using it: a Host header other than our own (DNS
 * rebinding) and cross-site writes.
 */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

export function isSameOriginWrite(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, port)) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || origin === `http://[::1]:${port}`;
}
