/**
 * The kiosk's side of pairing (a desk uses it too, to pair with another desk
 * of its department). `start` sends the code and exchanges nonces; both
 * screens then show the comparison code; `confirm` finishes once the
 * administrator says the codes match, and keeps asking while the desk's
 * administrator has not confirmed yet.
 */
import { randomBytes } from 'node:crypto';
import type { PendingComparison } from '../../../shared/trust.js';
import type { DeviceIdentity } from '../identity/device-identity.js';
import { signText, verifyText } from '../identity/signing-key.js';
import type { Logger } from '../logger.js';
import { commitmentOf, comparisonCode, newNonce, transcriptText, type Transcript } from './comparison.js';
import { codeLifetimeMs } from './pairing-codes.js';
import { pairingPost, receiverUrlOf, type SeenCertificate } from './pairing-client.js';
import { finishAnswerSchema, helloAnswerSchema, nonceAnswerSchema, type HelloAnswer } from './pairing-messages.js';
import type { TrustStore } from './trust-store.js';

/** A pairing step the desk refused, with a sentence for the admin screen. */
export class PairingRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PairingRefused';
  }
}

type Session = {
  localId: string;
  url: string;
  desk: HelloAnswer;
  certificate: SeenCertificate;
  transcript: Transcript;
  expiresAt: number;
  confirmed: boolean;
};

export type PairingInitiator = {
  start(input: { address: string; code: string }): Promise<PendingComparison>;
  /** `paired`, `waiting-for-other-side` (asked again every second), or `cancelled`. */
  confirm(sessionId: string, same: boolean): Promise<'paired' | 'waiting-for-other-side' | 'cancelled'>;
  pending(): PendingComparison[];
  close(): void;
};

const retryMs = 1000;

export function createPairingInitiator(options: {
  identity: DeviceIdentity;
  /** The kiosk's location or the desk's name, as the other side will list it. */
  label: string;
  trust: TrustStore;
  now: () => number;
  logger: Logger;
  changed: () => void;
  retryEveryMs?: number;
}): PairingInitiator {
  const { identity, trust, logger } = options;
  const sessions = new Map<string, Session>();
  const timers = new Set<NodeJS.Timeout>();

  const refusal = (json: unknown, fallback: string) => {
    const body = json as { error?: unknown; message?: unknown } | undefined;
    return new PairingRefused(
      typeof body?.error === 'string' ? body.error : 'refused',
      typeof body?.message === 'string' ? body.message : fallback,
    );
  };

  const view = (s: Session): PendingComparison => ({
    sessionId: s.localId,
    peerRole: 'desk',
    peerId: s.desk.deskId,
    peerLabel: s.desk.deskName,
    comparisonCode: comparisonCode(s.transcript),
    state: s.confirmed ? 'waiting-for-other-side' : 'waiting-for-confirm',
    expiresAt: new Date(s.expiresAt).toISOString(),
  });

  const finish = async (session: Session): Promise<'paired' | 'waiting-for-other-side' | 'cancelled'> => {
    if (!sessions.has(session.localId)) return 'cancelled';
    if (options.now() > session.expiresAt) {
      sessions.delete(session.localId);
      options.changed();
      return 'cancelled';
    }
    const text = transcriptText(session.transcript);
    const reply = await pairingPost(
      `${session.url}/pair/finish`,
      { sessionId: session.desk.sessionId, signature: signText(identity.signing, text) },
      { expect: session.certificate.fingerprint },
    );
    if (reply.status === 409) return 'waiting-for-other-side';
    const parsed = finishAnswerSchema.safeParse(reply.json);
    sessions.delete(session.localId);
    options.changed();
    if (reply.status !== 200 || !parsed.success) throw refusal(reply.json, 'the desk refused the pairing');
    if (!verifyText(session.desk.publicKey, text, parsed.data.signature))
      throw new PairingRefused('bad-signature', 'the desk did not sign the pairing with its key');
    const at = new Date(options.now()).toISOString();
    const secret = parsed.data.secret;
    if (identity.role === 'kiosk' && !secret) throw new PairingRefused('no-secret', 'the desk sent no secret');
    trust.saveDesk({
      deskId: session.desk.deskId,
      name: session.desk.deskName,
      publicKey: session.desk.publicKey,
      pairedAt: at,
      ...(secret
        ? { link: { url: session.url, certPem: session.certificate.certPem, certFingerprint: session.certificate.fingerprint, secret } }
        : {}),
    });
    logger.info('paired with a desk', { deskId: session.desk.deskId });
    return 'paired';
  };

  const keepAsking = (session: Session) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      finish(session).then(
        (state) => {
          if (state === 'waiting-for-other-side') keepAsking(session);
        },
        (error: unknown) => logger.warn('pairing could not finish', { reason: (error as { code?: string }).code ?? (error as Error).name }),
      );
    }, options.retryEveryMs ?? retryMs);
    timers.add(timer);
  };

  return {
    async start({ address, code }) {
      const url = receiverUrlOf(address);
      const initiatorNonce = newNonce();
      const hello = await pairingPost(`${url}/pair/hello`, {
        code,
        role: identity.role,
        id: identity.deviceId,
        label: options.label,
        publicKey: identity.signing.publicKey,
      });
      const desk = helloAnswerSchema.safeParse(hello.json);
      if (hello.status !== 200 || !desk.success) throw refusal(hello.json, 'the desk refused the code');
      const certificate = hello.certificate;
      const answer = await pairingPost(
        `${url}/pair/nonce`,
        { sessionId: desk.data.sessionId, nonce: initiatorNonce },
        { expect: certificate.fingerprint },
      );
      const nonce = nonceAnswerSchema.safeParse(answer.json);
      if (answer.status !== 200 || !nonce.success) throw refusal(answer.json, 'the desk stopped the pairing');
      if (commitmentOf(nonce.data.nonce, desk.data.publicKey, identity.signing.publicKey) !== desk.data.commitment) {
        throw new PairingRefused('commitment-mismatch', "the desk's answer did not match what it promised; someone may be in the middle");
      }
      const session: Session = {
        localId: randomBytes(18).toString('base64url'),
        url,
        desk: desk.data,
        certificate,
        transcript: {
          deskCertFingerprint: certificate.fingerprint,
          deskPublicKey: desk.data.publicKey,
          initiatorPublicKey: identity.signing.publicKey,
          initiatorId: identity.deviceId,
          initiatorNonce,
          deskNonce: nonce.data.nonce,
        },
        expiresAt: options.now() + codeLifetimeMs,
        confirmed: false,
      };
      sessions.set(session.localId, session);
      logger.info('pairing started with a desk; compare the codes on both screens', { deskId: desk.data.deskId });
      options.changed();
      return view(session);
    },
    async confirm(sessionId, same) {
      const session = sessions.get(sessionId);
      if (!session) return 'cancelled';
      if (!same) {
        sessions.delete(sessionId);
        options.changed();
        logger.warn('pairing refused: the codes on the two screens differed', {});
        await pairingPost(
          `${session.url}/pair/cancel`,
          { sessionId: session.desk.sessionId },
          { expect: session.certificate.fingerprint },
        ).catch(() => undefined);
        return 'cancelled';
      }
      session.confirmed = true;
      options.changed();
      const state = await finish(session);
      if (state === 'waiting-for-other-side') keepAsking(session);
      return state;
    },
    pending: () => [...sessions.values()].filter((s) => options.now() <= s.expiresAt).map(view),
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
