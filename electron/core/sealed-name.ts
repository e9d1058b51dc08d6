/**
 * How a first name is sealed at rest, on the kiosk and on the desk: padded to
 * a fixed length (so the ciphertext does not tell a short name from a long
 * one) and bound to its record's id (so a sealed name copied into another
 * record does not open there).
 */
import type { Cipher } from './platform.js';

/** A first name is at most 30 characters, so at most 120 bytes of UTF-8: every name pads to this. */
const paddedBytes = 128;
/** Never in a name (the kiosk accepts printable text only), so it marks the padding unambiguously. */
const pad = '\u0000';

/** Pads to `paddedBytes` of UTF-8 (longer text to the next multiple of it). */
function padName(name: string): string {
  const bytes = Buffer.byteLength(name, 'utf8');
  const target = Math.max(1, Math.ceil(bytes / paddedBytes)) * paddedBytes;
  return name + pad.repeat(target - bytes);
}

/**
 * Seals a first name for the record `recordId`.
 *
 * @returns the sealed text to store in that record
 */
export function sealName(cipher: Cipher, name: string, recordId: string): string {
  return cipher.encrypt(padName(name), recordId);
}

/** The name inside padded text (a name sealed before padding has none to remove). */
export function unpadName(padded: string): string {
  let end = padded.length;
  while (end > 0 && padded.endsWith(pad, end)) end -= 1;
  return padded.slice(0, end);
}

/**
 * Opens a name sealed by {@link sealName} for the same record. A name sealed
 * before names were bound (`v1:`) does not open here: it is re-sealed once at
 * start (reseal-old-names.ts), and one found after that may have been moved.
 *
 * @throws when the key differs, the sealed name belongs to another record, or it is not bound to one
 */
export function openName(cipher: Cipher, sealed: string, recordId: string): string {
  return unpadName(cipher.decrypt(sealed, recordId));
}
