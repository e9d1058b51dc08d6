/**
 * The Content-Security-Policy for every page of the app, in Electron (app://)
 * and in the browser host alike. Nothing inline, nothing remote: scripts,
 * styles, fonts and images come only from the app's own origin.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
