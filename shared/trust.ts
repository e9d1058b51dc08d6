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
  keyProtection: KeyProtectionKind;
  peers: PairedPeer[];
  pending: PendingComparison[];
};

/** "ab12cd34…" → "AB12 CD34 …": hex in groups of four, easy to read out and compare. */
export function groupFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
