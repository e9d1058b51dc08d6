/**
 * A desk this kiosk paired with: the same contract as a configured desk
 * channel, but signed with the kiosk's own secret for that desk, sent only to
 * the certificate pinned at pairing, and believing an acknowledgement or a
 * closure only when that desk signed it.
 */
import { backendPaths, type StatusAnswer } from '../../../shared/backend/messages.js';
import { ackStatement, closeStatement } from '../../../shared/backend/statements.js';
import { verifyText } from '../identity/signing-key.js';
import type { KnownDesk } from '../pairing/trust-store.js';
import type { ChannelSender } from './channel-sender.js';
import { createdMessageOf, postCreated, postMessage, postStatusQuery, type ContractClientDeps } from './contract-client.js';
import { joinUrl } from './desk-channel.js';
import { createdMessageId, freshMessageId, updateMessageId } from './message-id.js';

/** The channel id a paired desk gets: "desk-d1". */
export function pairedChannelId(deskId: string): string {
  return `desk-${deskId.toLowerCase()}`;
}

/**
 * Keeps only answers the desk really signed. An unsigned or forged
 * acknowledgement is dropped (and logged), so the screen never says "an
 * officer is coming" on anyone else's word.
 */
export function signedAnswersOnly(
  desk: Pick<KnownDesk, 'deskId' | 'publicKey'>,
  answer: StatusAnswer,
  onRefused: (requestId: string, what: string) => void,
): StatusAnswer {
  return {
    requests: answer.requests.map((entry) => {
      const kept = { ...entry };
      const ack = entry.acknowledgement;
      if (
        ack &&
        (ack.deskId !== desk.deskId || !ack.signature || !verifyText(desk.publicKey, ackStatement(entry.id, ack), ack.signature))
      ) {
        delete kept.acknowledgement;
        onRefused(entry.id, 'acknowledgement');
      }
      const closed = entry.closed;
      if (
        closed &&
        (closed.deskId !== desk.deskId ||
          !closed.signature ||
          !verifyText(desk.publicKey, closeStatement(entry.id, closed), closed.signature))
      ) {
        delete kept.closed;
        if (kept.state === 'closed') kept.state = kept.acknowledgement ? 'acknowledged' : 'received';
        onRefused(entry.id, 'closure');
      }
      return kept;
    }),
  };
}

/** A sender for a paired desk (link present). */
export function createPairedDeskSender(
  desk: KnownDesk & { link: NonNullable<KnownDesk['link']> },
  deps: ContractClientDeps,
): ChannelSender {
  const channelId = pairedChannelId(desk.deskId);
  const pin = { certPem: desk.link.certPem, fingerprint: desk.link.certFingerprint };
  const endpoint = (path: string) => ({ url: joinUrl(desk.link.url, path), secrets: [desk.link.secret], pin });
  const post = (path: string, id: string, message: object, signal: AbortSignal) =>
    postMessage(endpoint(path), id, message, deps, signal).then((outcome) => outcome.result);
  const refused = (requestId: string, what: string) =>
    deps.logger.warn('ignored an answer the desk did not sign', { requestId, deskId: desk.deskId, kind: what });
  return {
    channelId,
    type: 'desk',
    use: 'page',
    // The same message as a configured desk gets: the first name, and `ageSeconds` by this kiosk's clock.
    deliver: (request, signal) =>
      postCreated(
        endpoint(backendPaths.requests),
        createdMessageId(request.created.request.id),
        createdMessageOf(request, request.firstName, deps.now()),
        { ...deps, channelId },
        signal,
      ),
    sendUpdate: (update, signal) => post(backendPaths.updates, updateMessageId(update.requestId, update), update, signal),
    heartbeat: (beat, signal) => post(backendPaths.heartbeats, freshMessageId(), beat, signal),
    askStatus: async (requestIds, signal) => {
      const answer = await postStatusQuery(
        endpoint(backendPaths.status),
        { kioskId: deps.kioskId, requestIds },
        { ...deps, channelId },
        signal,
      );
      return answer && signedAnswersOnly(desk, answer, refused);
    },
  };
}
