/**
 * This device's identity, made on first start and kept sealed at rest: an
 * Ed25519 signing key (every device) and the receiver's TLS key and
 * certificate (desks). The private keys are sealed with the platform's
 * cipher before they reach the document; with no cipher they live in memory
 * only, and a restart makes a new identity (pairings then end, and the log
 * and admin screen say so).
 */
import type { KeyProtectionKind } from '../../../shared/trust.js';
import type { Logger } from '../logger.js';
import type { Cipher, OpenStore } from '../platform.js';
import { createDeskCertificate } from './desk-certificate.js';
import { certificateFingerprint, sha256Hex } from './fingerprint.js';
import { exportPrivateKey, importSigningKey, newSigningKey, type SigningKey } from './signing-key.js';

export const identityStoreName = 'device-identity';

export type DeviceIdentity = {
  role: 'kiosk' | 'desk';
  deviceId: string;
  signing: SigningKey;
  /** SHA-256 of the raw public key, hex. */
  fingerprint: string;
  /** Desks only: the receiver's certificate, its key and fingerprint (hex). */
  tls?: { certPem: string; keyPem: string; fingerprint: string };
};

type IdentityDocument = {
  role?: string;
  deviceId?: string;
  sealedSigningKey?: string;
  certPem?: string;
  sealedTlsKey?: string;
};

/** Which protection a cipher stands for, for the admin screen. */
export function protectionOf(cipher: Cipher | undefined): KeyProtectionKind {
  if (!cipher) return 'memory-only';
  const kind = cipher.kind as KeyProtectionKind;
  return kind === 'safeStorage' || kind === 'systemd-credential' || kind === 'key-file' ? kind : 'aes-256-gcm';
}

function openSealed(
  cipher: Cipher,
  document: IdentityDocument,
  logger: Logger,
): Omit<DeviceIdentity, 'role' | 'deviceId' | 'fingerprint'> | undefined {
  if (!document.sealedSigningKey) return undefined;
  try {
    const signing = importSigningKey(cipher.decrypt(document.sealedSigningKey));
    if (!document.certPem || !document.sealedTlsKey) return { signing };
    const keyPem = cipher.decrypt(document.sealedTlsKey);
    return { signing, tls: { certPem: document.certPem, keyPem, fingerprint: certificateFingerprint(document.certPem) } };
  } catch (error) {
    // A different key (a reinstall, a restored backup): a new identity, and the log says pairings must be done again.
    logger.error('the stored identity could not be opened; making a new one (pair this device again)', { error: error as Error });
    return undefined;
  }
}

/**
 * Loads this device's identity, or makes one. A changed role or device id
 * makes a new one too: the old pairings named another device.
 */
export async function loadDeviceIdentity(options: {
  role: 'kiosk' | 'desk';
  deviceId: string;
  openStore: OpenStore;
  cipher: Cipher | undefined;
  now: () => number;
  logger: Logger;
}): Promise<DeviceIdentity> {
  const { role, deviceId, cipher, logger } = options;
  const store = cipher ? options.openStore<IdentityDocument>(identityStoreName, {}) : undefined;
  const stored = store?.read() ?? {};
  const same = stored.role === role && stored.deviceId === deviceId;
  let keys = same && cipher ? openSealed(cipher, stored, logger) : undefined;
  if (keys && role === 'desk' && !keys.tls) keys = undefined;
  if (!keys) {
    const signing = newSigningKey();
    const tls = role === 'desk' ? await createDeskCertificate(deviceId, new Date(options.now())) : undefined;
    keys = { signing, ...(tls ? { tls: { ...tls, fingerprint: certificateFingerprint(tls.certPem) } } : {}) };
    if (store && cipher) {
      store.write({
        role,
        deviceId,
        sealedSigningKey: cipher.encrypt(exportPrivateKey(signing)),
        ...(tls ? { certPem: tls.certPem, sealedTlsKey: cipher.encrypt(tls.keyPem) } : {}),
      });
      logger.info("made this device's identity", { role, kind: protectionOf(cipher) });
    } else {
      logger.warn("made this device's identity in memory only: no key to seal it with, so it ends at restart", {
        role,
        kind: 'memory-only',
      });
    }
  }
  return { role, deviceId, ...keys, fingerprint: sha256Hex(Buffer.from(keys.signing.publicKey, 'base64')) };
}
