/**
 * The desk's side of pairing. A kiosk (or another desk) that knows the
 * current one-time code starts a session; both sides then show the same
 * six-digit comparison code, and the pairing takes effect only when the
 * desk's administrator confirms it here and the kiosk's confirms there.
 * Only then does the desk make the kiosk's own signing secret.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { PendingComparison } from '../../../shared/trust.js';
import { newSecret } from './new-secret.js';
import type { DeviceIdentity } from '../identity/device-identity.js';
import { signText, verifyText } from '../identity/signing-key.js';
import type { Logger } from '../logger.js';
import { commitmentOf, comparisonCode, newNonce, transcriptText, type Transcript } from './comparison.js';
import { codeLifetimeMs, type PairingCodes } from './pairing-codes.js';
import { cancelSchema, finishSchema, helloSchema, nonceSchema, pairBasePath, type Hello } from './pairing-messages.js';
import type { TrustStore } from './trust-store.js';

export type PairingAnswer = { status: number; body: unknown };

type Session = {
  id: string;
  initiator: Hello;
  deskNonce: string;
  expiresAt: number;
  transcript?: Transcript;
  confirmedHere: boolean;
};

export type PairingResponder = {
  /** Answers a call under /lobby/v1/pair/; undefined for any other path. */
  answer(path: string, json: unknown): PairingAnswer | undefined;
  /** The administrator compared the codes on both screens. */
  confirm(sessionId: string, same: boolean): boolean;
  pending(): PendingComparison[];
};

const refuse = (status: number, error: string, message: string): PairingAnswer => ({ status, body: { error, message } });

export function createPairingResponder(options: {
  identity: DeviceIdentity;
  deskName: string;
  trust: TrustStore;
  codes: PairingCodes;
  now: () => number;
  logger: Logger;
  /** The pending list changed (a new comparison to show, one done). */
  changed: () => void;
}): PairingResponder {
  const { identity, trust, codes, logger } = options;
  const sessions = new Map<string, Session>();
  const certFingerprint = identity.tls?.fingerprint ?? '';

  const live = (id: string): Session | undefined => {
    const session = sessions.get(id);
    if (session && options.now() > session.expiresAt) {
      sessions.delete(id);
      return undefined;
    }
    return session;
  };

  const parse = <S extends z.ZodType>(schema: S, json: unknown): z.output<S> | undefined => {
    const parsed = schema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  };

  const hello = (json: unknown): PairingAnswer => {
    const message = parse(helloSchema, json);
    if (!message) return refuse(400, 'invalid-body', 'not a pairing hello');
    const check = codes.redeem(message.code);
    if (check !== 'ok') {
      logger.warn('a pairing code was refused', { reason: check, role: message.role });
      const sentence =
        check === 'wrong'
          ? 'that code is not right'
          : check === 'expired'
            ? 'that code has expired; make a new one on the desk'
            : 'no pairing code is waiting; make a new one on the desk';
      return refuse(403, `code-${check}`, sentence);
    }
    if (message.role === 'desk' && message.id === identity.deviceId) return refuse(400, 'same-device', 'a desk cannot pair with itself');
    const deskNonce = newNonce();
    const id = randomBytes(18).toString('base64url');
    sessions.set(id, { id, initiator: message, deskNonce, expiresAt: options.now() + codeLifetimeMs, confirmedHere: false });
    logger.info('pairing started', { role: message.role, [message.role === 'kiosk' ? 'kioskId' : 'deskId']: message.id });
    return {
      status: 200,
      body: {
        sessionId: id,
        deskId: identity.deviceId,
        deskName: options.deskName,
        publicKey: identity.signing.publicKey,
        commitment: commitmentOf(deskNonce, identity.signing.publicKey, message.publicKey),
      },
    };
  };

  const nonce = (json: unknown): PairingAnswer => {
    const message = parse(nonceSchema, json);
    const session = message && live(message.sessionId);
    if (!message || !session) return refuse(404, 'no-session', 'no such pairing; start again with a new code');
    if (session.transcript) return refuse(409, 'nonce-already-given', 'this pairing already has its nonce');
    session.transcript = {
      deskCertFingerprint: certFingerprint,
      deskPublicKey: identity.signing.publicKey,
      initiatorPublicKey: session.initiator.publicKey,
      initiatorId: session.initiator.id,
      initiatorNonce: message.nonce,
      deskNonce: session.deskNonce,
    };
    options.changed();
    return { status: 200, body: { nonce: session.deskNonce } };
  };

  const finish = (json: unknown): PairingAnswer => {
    const message = parse(finishSchema, json);
    const session = message && live(message.sessionId);
    if (!message || !session?.transcript) return refuse(404, 'no-session', 'no such pairing; start again with a new code');
    const text = transcriptText(session.transcript);
    if (!verifyText(session.initiator.publicKey, text, message.signature))
      return refuse(401, 'bad-signature', 'the pairing was not signed by the key that started it');
    if (!session.confirmedHere) return refuse(409, 'waiting-for-desk', 'confirm the code on the desk too');
    sessions.delete(session.id);
    const at = new Date(options.now()).toISOString();
    const { initiator } = session;
    let secret: string | undefined;
    if (initiator.role === 'kiosk') {
      secret = newSecret();
      const again = trust.kiosk(initiator.id) !== undefined;
      trust.saveKiosk({ kioskId: initiator.id, location: initiator.label, publicKey: initiator.publicKey, secret, pairedAt: at });
      logger.info(again ? 'kiosk paired again; its old secret no longer works' : 'kiosk paired', { kioskId: initiator.id });
    } else {
      trust.saveDesk({ deskId: initiator.id, name: initiator.label, publicKey: initiator.publicKey, pairedAt: at });
      logger.info('desk paired', { deskId: initiator.id });
    }
    options.changed();
    return { status: 200, body: { ...(secret ? { secret } : {}), signature: signText(identity.signing, text) } };
  };

  const cancel = (json: unknown): PairingAnswer => {
    const message = parse(cancelSchema, json);
    if (message && sessions.delete(message.sessionId)) {
      logger.info('pairing cancelled from the other device', {});
      options.changed();
    }
    return { status: 200, body: { ok: true } };
  };

  const paths: Record<string, (json: unknown) => PairingAnswer> = {
    [`${pairBasePath}/hello`]: hello,
    [`${pairBasePath}/nonce`]: nonce,
    [`${pairBasePath}/finish`]: finish,
    [`${pairBasePath}/cancel`]: cancel,
  };

  return {
    answer: (path, json) => paths[path]?.(json),
    confirm(sessionId, same) {
      const session = live(sessionId);
      if (!session?.transcript) return false;
      if (same) session.confirmedHere = true;
      else {
        sessions.delete(sessionId);
        logger.warn('pairing refused: the codes on the two screens differed', { role: session.initiator.role });
      }
      options.changed();
      return true;
    },
    pending: () =>
      [...sessions.values()]
        .filter((s) => s.transcript && options.now() <= s.expiresAt)
        .map((s) => ({
          sessionId: s.id,
          peerRole: s.initiator.role,
          peerId: s.initiator.id,
          peerLabel: s.initiator.label,
          comparisonCode: comparisonCode(s.transcript as Transcript),
          state: s.confirmedHere ? 'waiting-for-other-side' : 'waiting-for-confirm',
          expiresAt: new Date(s.expiresAt).toISOString(),
        })),
  };
}
