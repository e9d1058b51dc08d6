/**
 * Which pages are the app's own. The renderer is served at app://bundle/…
 * (or, under `npm run dev`, from the Vite dev server on loopback); every
 * guard that must tell "our page" from "anything else" asks this one place.
 */
export const appScheme = 'app';
export const appHost = 'bundle';
export const appStartUrl = `${appScheme}://${appHost}/index.html`;

export type PagePolicy = {
  /** The URL the window loads. */
  startUrl: string;
  /** True only for a URL on the app's own origin. */
  isAppPage(url: string): boolean;
};

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The page policy for this run: app://bundle only, plus the dev server's
 * origin when one is given (development mode).
 */
export function createPagePolicy(devServerUrl: string | null): PagePolicy {
  // Node's URL gives non-special schemes such as app: the origin "null", so
  // app:// is matched on scheme and host, and only http(s) on its origin.
  const devOrigin = devServerUrl ? parse(devServerUrl)?.origin : undefined;
  return {
    startUrl: devServerUrl ?? appStartUrl,
    isAppPage(url) {
      const parsed = parse(url);
      if (!parsed) return false;
      if (parsed.protocol === `${appScheme}:`) return parsed.host === appHost;
      return devOrigin !== undefined && devOrigin !== 'null' && parsed.origin === devOrigin;
    },
  };
}

/**
 * The start URL of a window of `role`: the page's address says its role
 * (`#kiosk`, `#desk`), so the page's first script (index.html's role
 * preload) starts that role's chunk and stylesheet at once instead of after
 * the bootstrap's round trip. The role is no secret (the window itself shows
 * it) and is the only thing the address adds.
 */
export function startUrlFor(startUrl: string, role: 'kiosk' | 'desk'): string {
  const url = new URL(startUrl);
  url.hash = role;
  return url.href;
}

/**
 * A URL cut down to scheme and host for a log line: paths and queries can
 * carry things a log must never keep.
 */
export function urlForLog(url: string): string {
  const parsed = parse(url);
  if (!parsed) return 'unparseable-url';
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol;
}
