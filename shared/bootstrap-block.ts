/**
 * The id of the JSON data block in which the browser host serves a page its
 * bootstrap (electron/browser-host/embedded-bootstrap.ts), read by the
 * renderer (renderer/src/api/early-bootstrap.ts). Zod-free, so the page may
 * import it.
 */
export const bootstrapBlockId = 'lobby-bootstrap';
