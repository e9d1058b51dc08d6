/**
 * This device's identity, whom it trusts, and the admin calls of pairing,
 * for either role. Made by the role machinery when the configuration is
 * ready; the desk service serves the responder on its receiver, the kiosk
 * service builds one desk channel per paired desk.
 */
import { networkInterfaces } from 'node:os';
import type { CallHandlers } from '../../../shared/contract.js';
import { CallRefused } from '../../../shared/call-result.js';
import {
  groupFingerprint,
  isPairingRefusal,
  type KeyProtectionKind,
  type PairingOverview,
  type PairedPeer,
  type PairingRefusal,
} from '../../../shared/trust.js';
import { loadDeviceIdentity, protectionOf, type DeviceIdentity } from '../identity/device-identity.js';
import { sha256Hex } from '../identity/fingerprint.js';
import { whpkOf } from '../../../shared/backend/signing.js';
import type { Logger } from '../logger.js';
import type { Platform } from '../platform.js';
import { createPairingCodes } from './pairing-codes.js';
import { createPairingInitiator, PairingRefused } from './pairing-initiator.js';
import { createPairingResponder, type PairingResponder } from './pairing-responder.js';
import { openTrustStore, type TrustStore } from './trust-store.js';

export type PairingCalls =
  'admin.pairing.overview' | 'admin.pairing.createCode' | 'admin.pairing.pairWithDesk' | 'admin.pairing.confirm' | 'admin.pairing.unpair';

export type DeviceTrust = {
  identity: DeviceIdentity;
  store: TrustStore;
  protection: KeyProtectionKind;
  /** Desks only: the pairing calls under /lobby/v1/pair/ on the receiver. */
  responder?: PairingResponder;
  /** The desk tells where its receiver listens, for the code screen. */
  setReceiverAddress(address: { host: string; port: number } | undefined): void;
  handlers: Pick<CallHandlers, PairingCalls>;
  overview(): PairingOverview;
  close(): void;
};

/** A pairing step that cannot go on: a sentence for the log, and a stable code the admin screen words itself. */
export class PairingNotPossible extends CallRefused {
  constructor(
    readonly refusal: PairingRefusal,
    message: string,
  ) {
    super(message, refusal);
  }
}

/**
 * A failed pairing step as the admin screen should hear it. The desk's own
 * code is kept when this device knows it; a certificate that changed midway
 * is named; anything else means the desk could not be reached (`unreachable`
 * is the sentence for the log).
 */
export function pairingNotPossible(error: unknown, unreachable: string): PairingNotPossible {
  if (error instanceof PairingRefused) return new PairingNotPossible(isPairingRefusal(error.code) ? error.code : 'refused', error.message);
  if ((error as { code?: unknown } | undefined)?.code === 'CERT_CHANGED')
    return new PairingNotPossible('certificate-changed', 'the desk presented a different certificate during pairing');
  return new PairingNotPossible('unreachable', unreachable);
}

const keyFingerprint = (publicKey: string) => groupFingerprint(sha256Hex(Buffer.from(publicKey, 'base64')));

/** LAN addresses to type on a kiosk when the receiver listens on every interface. */
function lanAddresses(port: number): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const net of list ?? []) if (net.family === 'IPv4' && !net.internal) found.push(`${net.address}:${port}`);
  }
  return found;
}

export async function openDeviceTrust(options: {
  role: 'kiosk' | 'desk';
  deviceId: string;
  /** The kiosk's location or the desk's name. */
  label: string;
  platform: Pick<Platform, 'openStore' | 'cipher' | 'now'>;
  logger: Logger;
  /** Called with the new overview whenever pairings or a comparison change. */
  changed: (overview: PairingOverview) => void;
}): Promise<DeviceTrust> {
  const { role, platform, logger } = options;
  const now = () => platform.now();
  const identity = await loadDeviceIdentity({
    role,
    deviceId: options.deviceId,
    openStore: platform.openStore,
    cipher: platform.cipher,
    now,
    logger,
  });
  const protection = protectionOf(platform.cipher);
  const store = openTrustStore({ openStore: platform.openStore, cipher: platform.cipher, owner: identity.fingerprint, logger });
  let receiver: { host: string; port: number } | undefined;
  let overview: () => PairingOverview = () => {
    throw new Error('not ready');
  };
  const changed = () => options.changed(overview());
  const codes = role === 'desk' ? createPairingCodes(now) : undefined;
  const responder = codes
    ? createPairingResponder({ identity, deskName: options.label, trust: store, codes, now, logger, changed })
    : undefined;
  const initiator = createPairingInitiator({ identity, label: options.label, trust: store, now, logger, changed });
  const unsubscribe = store.onChange(changed);

  overview = () => {
    const peers: PairedPeer[] = [
      ...store.kiosks().map((k) => ({
        role: 'kiosk' as const,
        id: k.kioskId,
        label: k.location,
        fingerprint: keyFingerprint(k.publicKey),
        pairedAt: k.pairedAt,
      })),
      ...store.desks().map((d) => ({
        role: 'desk' as const,
        id: d.deskId,
        label: d.name,
        fingerprint: keyFingerprint(d.publicKey),
        pairedAt: d.pairedAt,
        ...(d.link ? { address: d.link.url } : {}),
      })),
    ];
    return {
      role,
      deviceId: identity.deviceId,
      fingerprint: groupFingerprint(identity.fingerprint),
      ...(identity.tls ? { tlsFingerprint: groupFingerprint(identity.tls.fingerprint) } : {}),
      // What a backend trusts for this kiosk's `deviceKey` webhooks: the public half of the key it pairs with.
      ...(role === 'kiosk' ? { webhookPublicKey: whpkOf(identity.signing.publicKey) } : {}),
      keyProtection: protection,
      peers,
      pending: [...(responder?.pending() ?? []), ...initiator.pending()],
    };
  };

  const handlers: Pick<CallHandlers, PairingCalls> = {
    'admin.pairing.overview': () => overview(),
    'admin.pairing.createCode': () => {
      if (!codes || !identity.tls) throw new PairingNotPossible('not-a-desk', 'Only a desk makes pairing codes.');
      if (!receiver) throw new PairingNotPossible('receiver-off', 'The desk receiver is not listening, so no kiosk can reach this desk.');
      const { code, expiresAt } = codes.issue();
      const wildcard = receiver.host === '0.0.0.0' || receiver.host === '::';
      const addresses = wildcard
        ? lanAddresses(receiver.port)
        : [`${receiver.host.includes(':') ? `[${receiver.host}]` : receiver.host}:${receiver.port}`];
      logger.info('a pairing code was made', { kind: 'pairing-code' });
      return {
        code: `${code.slice(0, 4)} ${code.slice(4)}`,
        expiresAt,
        addresses,
        deskFingerprint: groupFingerprint(identity.tls.fingerprint),
      };
    },
    'admin.pairing.pairWithDesk': async ({ address, code }) => {
      try {
        return await initiator.start({ address, code });
      } catch (error) {
        if (!(error instanceof PairingRefused))
          logger.warn('pairing could not reach the desk', { reason: (error as { code?: string }).code ?? (error as Error).name });
        throw pairingNotPossible(error, 'The desk could not be reached at that address.');
      }
    },
    'admin.pairing.confirm': async ({ sessionId, same }) => {
      if (responder?.confirm(sessionId, same)) return { state: same ? 'waiting-for-other-side' : 'cancelled' };
      try {
        return { state: await initiator.confirm(sessionId, same) };
      } catch (error) {
        throw pairingNotPossible(error, 'The desk could not be reached to finish pairing.');
      }
    },
    'admin.pairing.unpair': ({ role: peerRole, id }) => {
      const removed = peerRole === 'kiosk' ? store.removeKiosk(id) : store.removeDesk(id);
      if (removed)
        logger.info(
          peerRole === 'kiosk' ? 'kiosk unpaired; its secret no longer works' : 'desk unpaired',
          peerRole === 'kiosk' ? { kioskId: id } : { deskId: id },
        );
      return { removed };
    },
  };

  return {
    identity,
    store,
    protection,
    ...(responder ? { responder } : {}),
    setReceiverAddress: (address) => {
      receiver = address;
    },
    handlers,
    overview: () => overview(),
    close: () => {
      unsubscribe();
      initiator.close();
    },
  };
}
