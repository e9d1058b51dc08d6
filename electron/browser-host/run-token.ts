/**
 * The browser host's per-run key. Loopback alone lets every program and user
 * on the computer call the core, so each call, event stream and page needs a
 * random token made at start and printed only in the URLs the host prints.
 * A browser trades it once for an HttpOnly, SameSite=Strict cookie; a script
 * sends it as `Authorization: Bearer <token>`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The query parameter that carries the token in a printed URL. */
export const tokenParam = 'token';

/** 32 random bytes, URL-safe. */
export function newRunToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares in constant time. Both sides are hashed first so that their
 * lengths match and the comparison takes as long for any wrong guess.
 */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Cookies are shared by every port of 127.0.0.1, so each host names its cookie after its port. */
export function tokenCookieName(port: number): string {
  return `lobby-host-${port}`;
}

/** The Set-Cookie value that keeps the token for this host's pages: never readable by script, never sent cross-site. */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Whether the request carries this run's token, in its cookie or an Authorization header. */
export function hasRunToken(req: IncomingMessage, port: number, token: string): boolean {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const presented = bearer ?? cookieValue(req.headers.cookie, tokenCookieName(port));
  return presented !== undefined && tokensMatch(presented, token);
}
