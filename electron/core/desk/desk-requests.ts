/**
 * The desk's rules for a request's life on this desk: arrival (deduplicated
 * by request id), the first acknowledgement wins, closing, and what another
 * desk tells us through the kiosk's /updates relay.
 */
import type { RequestCreated, RequestUpdated, StatusAnswer } from '../../../shared/backend/messages.js';
import { ackStatement, closeStatement, datedBeforeRequest } from '../../../shared/backend/statements.js';
import { CallRefused } from '../../../shared/call-result.js';
import { ackMessageKeysFor, type AckMessageKey, type Acknowledgement, type CloseOutcome } from '../../../shared/request.js';
import { wireStateOf } from '../../../shared/request-status.js';
import type { RequestStore } from './request-store.js';
import { stateOf, type Closure, type StoredRequest } from './stored-request.js';

/** A console action the desk refuses, with a sentence the officer can read. */
export class DeskActionRefused extends CallRefused {}

type Desk = { id: string; name: string };

/**
 * A desk with an identity signs its own answers and believes another desk's
 * only with a valid signature from a desk it paired with.
 */
export type AnswerSigner = {
  sign(statement: string): string;
  verify(deskId: string, statement: string, signature: string | undefined): boolean;
};

export type DeskRequests = {
  /**
   * Stores a new request; resolves with the stored record once it is on
   * disk, or undefined when this request id is already here (a retry or a
   * second channel). Rejects when it could not be stored.
   */
  receive(message: RequestCreated, receivedAt: string): Promise<StoredRequest | undefined>;
  acknowledge(id: string, messageKey: AckMessageKey, at: string): Promise<StoredRequest>;
  close(id: string, outcome: CloseOutcome, at: string): Promise<StoredRequest>;
  /** Records another desk's acknowledgement or closure; resolves with the changed record, or undefined when nothing changed. */
  applyUpdate(update: Pick<RequestUpdated, 'requestId' | 'acknowledgement' | 'closed'>): Promise<StoredRequest | undefined>;
  /** Why an update from another desk must be refused (a missing or bad signature, a date before the request), or undefined. */
  checkUpdate(update: Pick<RequestUpdated, 'requestId' | 'acknowledgement' | 'closed'>): string | undefined;
  status(kioskId: string, ids: readonly string[]): StatusAnswer;
};

/**
 * How long ago the person asked when this message left the kiosk, measured
 * on the kiosk's clock alone: `ageSeconds` when sent, else sentAt − createdAt
 * (both the sender's clock). Never the difference between two machines' clocks.
 */
function ageSecondsOf(message: RequestCreated): number {
  const age = message.ageSeconds ?? (Date.parse(message.sentAt) - Date.parse(message.request.createdAt)) / 1000;
  return Number.isFinite(age) ? Math.max(0, age) : 0;
}

/**
 * Keeps the earlier of two acknowledgements: the first desk to answer wins everywhere. Two at the same instant go to
 * the lower desk id, so every desk keeps the same one (keeping its own, each desk would name itself).
 */
function earliest(current: Acknowledgement | undefined, offered: Acknowledgement): Acknowledgement {
  if (!current) return offered;
  const sooner = Date.parse(offered.at) - Date.parse(current.at);
  return sooner < 0 || (sooner === 0 && offered.deskId < current.deskId) ? offered : current;
}

/** The desk's request rules over its store, for the console and the receiver alike. */
export function createDeskRequests(store: RequestStore, desk: Desk, signer?: AnswerSigner): DeskRequests {
  // Updates that arrive before their request (another desk was faster than our copy), applied on arrival.
  const early = new Map<string, Pick<RequestUpdated, 'acknowledgement' | 'closed'>>();
  const maxEarly = 500;
  // Arrivals being written: the same request on two channels at once is stored once, and alerts once.
  const arriving = new Map<string, Promise<StoredRequest | undefined>>();

  const require = (id: string) => {
    const record = store.get(id);
    if (!record) throw new DeskActionRefused('This request is no longer on this desk.');
    return record;
  };
  const refuseIfTakenElsewhere = (record: StoredRequest) => {
    if (record.acknowledgement && record.acknowledgement.deskId !== desk.id) {
      throw new DeskActionRefused(`${record.acknowledgement.deskName} has already answered this request.`);
    }
    if (record.closed && record.closed.deskId !== desk.id) throw new DeskActionRefused('Another desk has already closed this request.');
  };

  const merge = (record: StoredRequest, update: Pick<RequestUpdated, 'acknowledgement' | 'closed'>): StoredRequest => {
    const next = { ...record };
    if (update.acknowledgement) next.acknowledgement = earliest(record.acknowledgement, update.acknowledgement);
    if (update.closed && !record.closed) next.closed = update.closed;
    return next;
  };

  return {
    async receive(message, receivedAt) {
      const { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt, firstName } = message.request;
      // Another copy is being written: wait for it. If it failed to store, this copy is the one to store.
      for (let pending = arriving.get(id); pending; pending = arriving.get(id)) await pending.catch(() => undefined);
      if (store.get(id)) return undefined;
      // Program and agency are the same on every request of this desk: not worth keeping.
      const askedAt = new Date(Date.parse(receivedAt) - ageSecondsOf(message) * 1000).toISOString();
      let record: StoredRequest = { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt, receivedAt, askedAt };
      if (message.request.test) record.test = true;
      const update = early.get(id);
      if (update) record = merge(record, update);
      const stored = record;
      const storing = store.add(stored, firstName).then(() => {
        early.delete(id);
        return stored;
      });
      arriving.set(id, storing);
      try {
        return await storing;
      } finally {
        // Ours to remove: a waiting copy sets its own only once this entry is gone (nothing awaits between its check and its set).
        arriving.delete(id);
      }
    },
    async acknowledge(id, messageKey, at) {
      const record = require(id);
      // Checked here, not only on the console: no transport can send a wait to someone with an overdose.
      if (!ackMessageKeysFor[record.priority].includes(messageKey)) {
        throw new DeskActionRefused('An emergency can only be answered with help now: an officer is coming, or 911 was called.');
      }
      refuseIfTakenElsewhere(record);
      if (record.acknowledgement || record.closed) return record;
      const ack = { messageKey, deskId: desk.id, deskName: desk.name, at };
      const acknowledgement = signer ? { ...ack, signature: signer.sign(ackStatement(id, ack)) } : ack;
      // A test page has nobody waiting: acknowledging it is all the officer needs to do, so it closes too.
      // Checked again on the record the write starts from: two officers pressing at once, the first one wins.
      return store.update(id, (r) => {
        if (r.acknowledgement || r.closed) return r;
        if (r.test) return { ...r, acknowledgement, closed: { outcome: 'not-today', at, deskId: desk.id } };
        return { ...r, acknowledgement };
      });
    },
    async close(id, outcome, at) {
      const record = require(id);
      refuseIfTakenElsewhere(record);
      if (record.closed) return record;
      const unsigned: Closure = { outcome, at, deskId: desk.id };
      const closed: Closure = signer ? { ...unsigned, signature: signer.sign(closeStatement(id, unsigned)) } : unsigned;
      return store.update(id, (r) => (r.closed ? r : { ...r, closed }));
    },
    async applyUpdate({ requestId, acknowledgement, closed }) {
      const record = store.get(requestId);
      if (!record) {
        if (early.size >= maxEarly) early.delete(early.keys().next().value as string);
        early.set(requestId, { acknowledgement, closed });
        return undefined;
      }
      const next = merge(record, { acknowledgement, closed });
      if (JSON.stringify(next) === JSON.stringify(record)) return undefined;
      return store.update(requestId, (current) => merge(current, { acknowledgement, closed }));
    },
    checkUpdate({ requestId, acknowledgement, closed }) {
      const record = store.get(requestId);
      if (record) {
        // Before the request existed by either clock (the kiosk's capture, this desk's receipt): not an answer to it.
        const earliestSeen = new Date(Math.min(Date.parse(record.receivedAt), Date.parse(record.createdAt))).toISOString();
        for (const answer of [acknowledgement, closed]) {
          if (answer && datedBeforeRequest(answer.at, earliestSeen)) return 'dated-before-request';
        }
      }
      if (!signer) return undefined;
      if (acknowledgement && !signer.verify(acknowledgement.deskId, ackStatement(requestId, acknowledgement), acknowledgement.signature))
        return 'unsigned-acknowledgement';
      if (closed && !signer.verify(closed.deskId, closeStatement(requestId, closed), closed.signature)) return 'unsigned-closure';
      return undefined;
    },
    status(kioskId, ids) {
      return {
        requests: ids.map((id) => {
          const record = store.get(id);
          // A kiosk learns only about its own requests.
          if (!record || record.kiosk.id !== kioskId) return { id, state: 'unknown' as const };
          const state = stateOf(record);
          const answer: StatusAnswer['requests'][number] = { id, state: wireStateOf(state) };
          if (record.acknowledgement) answer.acknowledgement = record.acknowledgement;
          if (record.closed) answer.closed = record.closed;
          return answer;
        }),
      };
    },
  };
}
