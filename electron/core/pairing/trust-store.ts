/**
 * Who this device trusts, made only by pairing (never by a config file):
 * - on a desk: paired kiosks (id, location, public key and the kiosk's own
 *   signing secret, bound together) and the other desks of the department;
 * - on a kiosk: paired desks (address, pinned certificate, public key and the
 *   secret this kiosk signs with for that desk).
 * Secrets are sealed with the platform cipher; with none they stay in memory.
 */
import type { Logger } from '../logger.js';
import type { Cipher, OpenStore } from '../platform.js';

export const trustStoreName = 'trust';

export type PairedKiosk = { kioskId: string; location: string; publicKey: string; secret: string; pairedAt: string };
export type KnownDesk = {
  deskId: string;
  name: string;
  publicKey: string;
  pairedAt: string;
  /** On a kiosk: where to reach it, its pinned certificate, and the secret to sign with. */
  link?: { url: string; certPem: string; certFingerprint: string; secret: string };
};

type Sealed<T> = Omit<T, 'secret' | 'link'> & {
  sealedSecret?: string;
  link?: Omit<NonNullable<KnownDesk['link']>, 'secret'> & { sealedSecret: string };
};
type TrustDocument = { owner: string; kiosks: Record<string, Sealed<PairedKiosk>>; desks: Record<string, Sealed<KnownDesk>> };

export type TrustStore = {
  kiosks(): PairedKiosk[];
  kiosk(id: string): PairedKiosk | undefined;
  /** Pairs (or pairs again, rotating the secret of) a kiosk. */
  saveKiosk(kiosk: PairedKiosk): void;
  removeKiosk(id: string): boolean;
  desks(): KnownDesk[];
  desk(id: string): KnownDesk | undefined;
  saveDesk(desk: KnownDesk): void;
  removeDesk(id: string): boolean;
  /** Hears every change (a pairing, an unpairing). */
  onChange(listener: () => void): () => void;
};

/**
 * Opens this device's trust. `owner` is the identity's fingerprint: trust
 * made by another identity (the keys changed) is dropped, because the peers
 * pinned the old keys.
 */
export function openTrustStore(options: { openStore: OpenStore; cipher: Cipher | undefined; owner: string; logger: Logger }): TrustStore {
  const { cipher, logger } = options;
  const empty = (): TrustDocument => ({ owner: options.owner, kiosks: {}, desks: {} });
  const store = cipher ? options.openStore<TrustDocument>(trustStoreName, empty()) : undefined;
  let document = store?.read() ?? empty();
  if (document.owner !== options.owner) {
    if (Object.keys(document.kiosks ?? {}).length + Object.keys(document.desks ?? {}).length > 0) {
      logger.warn('this device has a new identity; its earlier pairings are dropped (pair again)', {});
    }
    document = empty();
    store?.write(document);
  }
  const listeners = new Set<() => void>();
  const save = () => {
    store?.write(document);
    for (const listener of listeners) listener();
  };
  const seal = (secret: string) => (cipher ? cipher.encrypt(secret) : secret);
  const open = (sealed: string | undefined): string | undefined => {
    if (!sealed) return undefined;
    if (!cipher) return sealed;
    try {
      return cipher.decrypt(sealed);
    } catch {
      logger.error('a pairing secret could not be opened; pair that device again', { reason: 'decrypt-failed' });
      return undefined;
    }
  };

  const kioskOf = (entry: Sealed<PairedKiosk>): PairedKiosk | undefined => {
    const secret = open(entry.sealedSecret);
    if (!secret) return undefined;
    return { kioskId: entry.kioskId, location: entry.location, publicKey: entry.publicKey, pairedAt: entry.pairedAt, secret };
  };
  const deskOf = (entry: Sealed<KnownDesk>): KnownDesk | undefined => {
    const base = { deskId: entry.deskId, name: entry.name, publicKey: entry.publicKey, pairedAt: entry.pairedAt };
    if (!entry.link) return base;
    const secret = open(entry.link.sealedSecret);
    if (!secret) return undefined;
    const { url, certPem, certFingerprint } = entry.link;
    return { ...base, link: { url, certPem, certFingerprint, secret } };
  };
  const defined = <T>(items: (T | undefined)[]): T[] => items.filter((item): item is T => item !== undefined);

  return {
    kiosks: () => defined(Object.values(document.kiosks).map(kioskOf)),
    kiosk: (id) => {
      const entry = document.kiosks[id];
      return entry ? kioskOf(entry) : undefined;
    },
    saveKiosk(kiosk) {
      const { secret, ...rest } = kiosk;
      document.kiosks[kiosk.kioskId] = { ...rest, sealedSecret: seal(secret) };
      save();
    },
    removeKiosk(id) {
      if (!document.kiosks[id]) return false;
      delete document.kiosks[id];
      save();
      return true;
    },
    desks: () => defined(Object.values(document.desks).map(deskOf)),
    desk: (id) => {
      const entry = document.desks[id];
      return entry ? deskOf(entry) : undefined;
    },
    saveDesk(desk) {
      const { link, ...rest } = desk;
      document.desks[desk.deskId] = link
        ? {
            ...rest,
            link: { url: link.url, certPem: link.certPem, certFingerprint: link.certFingerprint, sealedSecret: seal(link.secret) },
          }
        : rest;
      save();
    },
    removeDesk(id) {
      if (!document.desks[id]) return false;
      delete document.desks[id];
      save();
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
