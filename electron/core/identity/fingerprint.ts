/** Fingerprints: SHA-256 of a public key (raw Ed25519 bytes) or of a certificate (DER). */
import { createHash, X509Certificate } from 'node:crypto';

/** Lower-case hex SHA-256 of the bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 fingerprint of a PEM certificate, lower-case hex without colons (the form pins are kept in). */
export function certificateFingerprint(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256.replace(/:/g, '').toLowerCase();
}
