/**
 * A small receiver of the backend-call contract, built on verifyMessage the
 * way a department would build one: checks every signature, deduplicates
 * request.created on webhook-id, refuses other replayed ids, answers status
 * queries from what the test says the officers did, and signs each answer to
 * a verified message as the desk receiver does (bound to its webhook-id).
 */
import {
  heartbeatSchema,
  requestCreatedSchema,
  requestUpdatedSchema,
  statusQuerySchema,
  type RequestCreated,
  type StatusAnswer,
} from '../../../../shared/backend/messages.js';
import { verifyMessage } from '../../../../shared/backend/signing.js';
import type { Acknowledgement } from '../../../../shared/request.js';
import { signedAnswer } from './signed-answer.js';
import { startScriptedServer, type Answer, type Received, type ScriptedServer } from './scripted-server.js';

export type StoredRequest = RequestCreated['request'] & { deliveries: number; acknowledgement?: Acknowledgement; closed?: boolean };

export type VerifyingReceiver = ScriptedServer & {
  /** The channel base URL a kiosk's desk channel points at. */
  url: string;
  requests: Map<string, StoredRequest>;
  /** Answers the test wants instead of the normal ones (for example an outage). */
  override(answer: ((r: Received) => Answer | undefined) | undefined): void;
  rejections: Array<{ path: string; reason: string }>;
  acknowledge(id: string, ack: Acknowledgement): void;
  /** From now on, store each new request at once but hold its answer until `release` (a kiosk can die meanwhile). */
  holdAnswers(): void;
  release(): void;
  close(): Promise<void>;
};

const error = (status: number, code: string, message: string): Answer => ({ status, json: { error: code, message } });

export async function startVerifyingReceiver(secrets: string[]): Promise<VerifyingReceiver> {
  const requests = new Map<string, StoredRequest>();
  const seenIds = new Set<string>();
  const rejections: Array<{ path: string; reason: string }> = [];
  let overrideAnswer: ((r: Received) => Answer | undefined) | undefined;
  let gate: { promise: Promise<void>; open: () => void } | undefined;

  const handle = (r: Received): Answer | Promise<Answer> => {
    const forced = overrideAnswer?.(r);
    if (forced) return forced;
    const verified = verifyMessage(secrets, r.body, r.headers);
    if (!verified.ok) {
      rejections.push({ path: r.path, reason: verified.reason });
      return error(401, verified.reason, verified.message);
    }
    // Signed with the secret that verified the message, as the desk receiver signs.
    const secret = secrets.find((s) => verifyMessage([s], r.body, r.headers).ok) ?? '';
    const sign = (answer: Answer): Answer => (typeof answer === 'string' ? answer : signedAnswer(secret, r, answer));
    const answer = answerVerified(r, verified.messageId);
    return answer instanceof Promise ? answer.then(sign) : sign(answer);
  };

  const answerVerified = (r: Received, messageId: string): Answer | Promise<Answer> => {
    const verified = { messageId };
    const replay = seenIds.has(verified.messageId);
    seenIds.add(verified.messageId);
    const path = r.path.replace(/^\/lobby\/v1/, '');
    if (path === '/requests') {
      const parsed = requestCreatedSchema.safeParse(r.json);
      if (!parsed.success) return error(400, 'invalid-message', parsed.error.message);
      const existing = requests.get(parsed.data.request.id);
      if (existing) existing.deliveries += 1;
      else requests.set(parsed.data.request.id, { ...parsed.data.request, deliveries: 1 });
      const receipt: Answer = { status: 200, json: { received: true, duplicate: existing !== undefined } };
      return gate ? gate.promise.then(() => receipt) : receipt;
    }
    if (replay) {
      rejections.push({ path: r.path, reason: 'replayed' });
      return error(409, 'replayed', 'this webhook-id was already processed');
    }
    if (path === '/status') {
      const parsed = statusQuerySchema.safeParse(r.json);
      if (!parsed.success) return error(400, 'invalid-message', parsed.error.message);
      const answer: StatusAnswer = {
        requests: parsed.data.requestIds.map((id) => {
          const stored = requests.get(id);
          if (!stored) return { id, state: 'unknown' as const };
          if (stored.closed)
            return { id, state: 'closed' as const, closed: { outcome: 'referred' as const, at: new Date().toISOString(), deskId: 'D1' } };
          return stored.acknowledgement
            ? { id, state: 'acknowledged' as const, acknowledgement: stored.acknowledgement }
            : { id, state: 'received' as const };
        }),
      };
      return { status: 200, json: answer };
    }
    const schema = path === '/updates' ? requestUpdatedSchema : path === '/heartbeats' ? heartbeatSchema : undefined;
    if (!schema) return error(404, 'not-found', 'no such path');
    return schema.safeParse(r.json).success
      ? { status: 200, json: { ok: true } }
      : error(400, 'invalid-message', 'body does not follow the contract');
  };

  const server = await startScriptedServer(handle);
  const close = server.close;
  return Object.assign(server, {
    close: () => {
      gate?.open();
      return close();
    },
    url: `${server.origin}/lobby/v1`,
    requests,
    rejections,
    override: (next: ((r: Received) => Answer | undefined) | undefined) => {
      overrideAnswer = next;
    },
    holdAnswers: () => {
      let open = () => {};
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release: () => {
      gate?.open();
      gate = undefined;
    },
    acknowledge: (id: string, ack: Acknowledgement) => {
      const stored = requests.get(id);
      if (stored) stored.acknowledgement = ack;
    },
  });
}
