/**
 * What the admin screen shows about this device's identity and pairings.
 * Plain data only: no key material ever crosses to the renderer.
 */

/**
 * How private keys and pairing secrets are kept at rest on this machine:
 * - `safeStorage`: the OS keyring (Windows DPAPI, macOS Keychain, a Linux keyring);
 * - `aes-256-gcm`: the browser host's configured data key;
 * - `systemd-credential`: a data key from systemd (`LoadCredentialEncrypted=`, TPM where present);
 * - `key-file`: a data key in a file readable only by the service account;
 * - `memory-only`: nothing sealed can be written; pairings end at restart.
 */
export const keyProtectionKinds = ['safeStorage', 'aes-256-gcm', 'systemd-credential', 'key-file', 'memory-only'] as const;
export type KeyProtectionKind = (typeof keyProtectionKinds)[number];

/** A device this one is paired with, as the admin screen lists it. */
export type PairedPeer = {
  role: 'kiosk' | 'desk';
  id: string;
  /** The kiosk's location or the desk's name. */
  label: string;
  /** The peer's public key fingerprint, grouped for reading aloud. */
  fingerprint: string;
  pairedAt: string;
  /** A desk's receiver address, as this kiosk reaches it. */
  address?: string;
};

/** A pairing waiting for the administrator to compare the code on both screens. */
export type PendingComparison = {
  sessionId: string;
  peerRole: 'kiosk' | 'desk';
  peerId: string;
  peerLabel: string;
  /** Six digits, the same on both screens unless someone sits in the middle. */
  comparisonCode: string;
  /** `waiting-for-confirm` on this screen; `waiting-for-other-side` once confirmed here. */
  state: 'waiting-for-confirm' | 'waiting-for-other-side';
  expiresAt: string;
};

export type PairingOverview = {
  role: 'kiosk' | 'desk';
  deviceId: string;
  /** This device's signing key fingerprint, grouped. */
  fingerprint: string;
  /** A desk's receiver certificate fingerprint, grouped. */
  tlsFingerprint?: string;
  /**
   * Kiosks only: this device's public key as a department backend registers it for a webhook channel with
   * `deviceKey` ("whpk_" + base64 of the raw Ed25519 key). Not a secret.
   */
  webhookPublicKey?: string;
  keyProtection: KeyProtectionKind;
  peers: PairedPeer[];
  pending: PendingComparison[];
};

/** "ab12cd34…" → "AB12 CD34 …": hex in groups of four, easy to read out and compare. */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/**
 * Why a pairing call was refused: a stable code the admin screen turns into
 * words in its own language (the refusal's English sentence is for the log).
 * A desk's own codes are kept when they are on this list; any other becomes
 * `refused`.
 */
export const pairingRefusals = [
  /** The typed one-time code is not the desk's. */
  'code-wrong',
  /** The code is older than 10 minutes. */
  'code-expired',
  /** The code was tried 5 times wrongly, so the desk dropped it. */
  'code-used-up',
  /** No code is waiting on the desk (used, replaced or never made). */
  'code-none',
  /** The desk no longer knows this pairing (it ended or the desk restarted). */
  'no-session',
  /** A desk tried to pair with itself. */
  'same-device',
  /** The desk's answer did not match what it promised: someone may be in the middle. */
  'commitment-mismatch',
  /** The desk showed another certificate partway through: someone may be in the middle. */
  'certificate-changed',
  /** The desk did not sign the pairing with the key it started with. */
  'bad-signature',
  /** The desk sent no secret for this kiosk. */
  'no-secret',
  /** Nothing answered at the address, or the connection failed. */
  'unreachable',
  /** This desk's receiver is not listening, so no kiosk could reach it. */
  'receiver-off',
  /** Only a desk makes pairing codes. */
  'not-a-desk',
  /** The desk said no, for a reason this device has no code for. */
  'refused',
] as const;
export type PairingRefusal = (typeof pairingRefusals)[number];

export function isPairingRefusal(value: unknown): value is PairingRefusal {
  return (pairingRefusals as readonly unknown[]).includes(value);
}
