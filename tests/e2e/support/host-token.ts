/**
 * The browser host's per-run token, as the tests meet it: in the URLs a host
 * prints. A browser opens such a URL and keeps the cookie it is given; the
 * test process's own HTTP calls send the token as a bearer token.
 */
import { e2eEnv } from './browser-env.js';

/** The shared host's printed URL for a role (set by global setup). */
export function sharedUrl(role: 'kiosk' | 'desk'): string {
  const url = process.env[role === 'kiosk' ? e2eEnv.kioskUrl : e2eEnv.deskUrl];
  if (!url)
    throw new Error(`${role} URL of the shared host is not set: run through tests/e2e/playwright.config.ts, whose global setup starts it.`);
  return url;
}

/** The token a printed URL carries, or undefined for a URL without one. */
export function tokenOf(url: string): string | undefined {
  return new URL(url).searchParams.get('token') ?? undefined;
}

/**
 * Headers that authenticate a call from the test process to the host `url`
 * belongs to: the URL's own token, or the shared host's for a bare shared-host URL.
 */
export function tokenHeaders(url: string): Record<string, string> {
  const own = tokenOf(url);
  const shared = process.env[e2eEnv.kioskUrl];
  const token = own ?? (shared && new URL(shared).origin === new URL(url).origin ? tokenOf(shared) : undefined);
  return token ? { Authorization: `Bearer ${token}` } : {};
}
