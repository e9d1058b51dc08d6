/**
 * The backend-call contract's four paths (shared/backend/messages.ts), each
 * with the schema its body must pass and the desk function that answers it.
 */
import type { z } from 'zod';
import {
  backendPaths,
  heartbeatSchema,
  requestCreatedSchema,
  requestUpdatedSchema,
  statusQuerySchema,
  type Heartbeat,
  type RequestCreated,
  type RequestReceipt,
  type RequestUpdated,
  type StatusAnswer,
  type StatusQuery,
} from '../../../../shared/backend/messages.js';

/** Where the contract lives under the receiver's address: `http://host:port/lobby/v1/requests`. */
export const receiverBasePath = '/lobby/v1';

/** An answer, and work to do only once it is sent (alerts, the console's refresh); `refused` names why the desk would not act. */
export type Handled<Body> = { body: Body; after?: () => void; refused?: string };

/** The kiosk sent more than its limit: a 429 telling it to try again this much later. */
export type Limited = { retryAfterSeconds: number };

/** A handler answers once what must be stored is on disk; a rejection is a 5xx, so the kiosk tries again. */
type Answer<Body> = Handled<Body> | Limited | Promise<Handled<Body> | Limited>;

/** Who sent a verified message: the paired kiosk whose secret signed it (undefined for a configured loopback secret). */
export type Sender = { kioskId: string | undefined };

export type ReceiverHandlers = {
  requestCreated(message: RequestCreated): Answer<RequestReceipt>;
  statusQuery(message: StatusQuery): Answer<StatusAnswer>;
  requestUpdated(message: RequestUpdated, from: Sender): Answer<{ ok: true }>;
  heartbeat(message: Heartbeat): Answer<{ ok: true }>;
  /** Whether a request id is stored here: a repeated webhook-id for it is the sender's retry. */
  hasRequest(id: string): boolean;
};

export type Route = {
  schema: z.ZodType;
  handle(handlers: ReceiverHandlers, message: unknown, from: Sender): Answer<unknown>;
  /** The request id a message is about, for retries and the log. */
  requestIdOf(message: unknown): string | undefined;
  /** The kiosk a message says it comes from, checked against the secret that signed it. */
  kioskIdOf(message: unknown): string | undefined;
};

function route<S extends z.ZodType>(
  schema: S,
  handle: (handlers: ReceiverHandlers, message: z.output<S>, from: Sender) => Answer<unknown>,
  ids: { requestIdOf?: (message: z.output<S>) => string | undefined; kioskIdOf?: (message: z.output<S>) => string | undefined } = {},
): Route {
  return {
    schema,
    handle: (handlers, message, from) => handle(handlers, message as z.output<S>, from),
    requestIdOf: (message) => ids.requestIdOf?.(message as z.output<S>),
    kioskIdOf: (message) => ids.kioskIdOf?.(message as z.output<S>),
  };
}

export const routes: Record<string, Route> = {
  [receiverBasePath + backendPaths.requests]: route(requestCreatedSchema, (h, m) => h.requestCreated(m), {
    requestIdOf: (m) => m.request.id,
    kioskIdOf: (m) => m.request.kiosk.id,
  }),
  [receiverBasePath + backendPaths.status]: route(statusQuerySchema, (h, m) => h.statusQuery(m), { kioskIdOf: (m) => m.kioskId }),
  [receiverBasePath + backendPaths.updates]: route(requestUpdatedSchema, (h, m, from) => h.requestUpdated(m, from), {
    requestIdOf: (m) => m.requestId,
  }),
  [receiverBasePath + backendPaths.heartbeats]: route(heartbeatSchema, (h, m) => h.heartbeat(m), { kioskIdOf: (m) => m.kiosk.id }),
};
