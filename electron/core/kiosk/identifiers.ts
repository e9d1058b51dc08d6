import { randomInt } from 'node:crypto';
import { randomToken } from '../delivery/message-id.js';

/** `req_` and 24 letters or digits: an opaque id for the request's whole life. */
export function newRequestId(): string {
  return `req_${randomToken(24)}`;
}

/**
 * A short code the person can say at the window: `<kioskId>-dddd`, unique
 * among this kiosk's open requests. `taken` holds those in use.
 */
export function newReference(kioskId: string, taken: ReadonlySet<string>): string {
  for (let tries = 0; tries < 50; tries += 1) {
    const candidate = `${kioskId}-${String(randomInt(10_000)).padStart(4, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
  // Thousands of open requests at one kiosk: take the first free code in order.
  for (let n = 0; n < 10_000; n += 1) {
    const candidate = `${kioskId}-${String(n).padStart(4, '0')}`;
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error('every reference code of this kiosk is in use by an open request');
}
