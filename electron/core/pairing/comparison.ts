/**
 * Numeric comparison (as in Bluetooth Secure Simple Pairing): each side's
 * random nonce goes into a six-digit code together with both identities as
 * each side saw them. The desk commits to its nonce before it sees the
 * kiosk's, so a machine in the middle cannot pick nonces that make the two
 * screens agree; it has one chance in a million per try.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(32).toString('base64');
}

/** The desk's commitment to its nonce, sent before the kiosk reveals its own. */
export function commitmentOf(nonce: string, deskPublicKey: string, initiatorPublicKey: string): string {
  return createHash('sha256')
    .update(JSON.stringify(['lobby-pair-commit-v1', nonce, deskPublicKey, initiatorPublicKey]))
    .digest('base64');
}

/** What both sides saw of the exchange. Anyone in the middle changes at least the certificate or a key. */
export type Transcript = {
  deskCertFingerprint: string;
  deskPublicKey: string;
  initiatorPublicKey: string;
  initiatorId: string;
  initiatorNonce: string;
  deskNonce: string;
};

export function transcriptText(t: Transcript): string {
  return JSON.stringify([
    'lobby-pair-v1',
    t.deskCertFingerprint,
    t.deskPublicKey,
    t.initiatorPublicKey,
    t.initiatorId,
    t.initiatorNonce,
    t.deskNonce,
  ]);
}

/** Six digits for both screens. */
export function comparisonCode(t: Transcript): string {
  const digest = createHash('sha256').update(transcriptText(t)).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
