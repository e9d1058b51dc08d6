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

/** An answer, and work to do only once it is sent (alerts, the console's refresh). */
export type Handled<Body> = { body: Body; after?: () => void };

export type ReceiverHandlers = {
  requestCreated(message: RequestCreated): Handled<RequestReceipt>;
  statusQuery(message: StatusQuery): Handled<StatusAnswer>;
  requestUpdated(message: RequestUpdated): Handled<{ ok: true }>;
  heartbeat(message: Heartbeat): Handled<{ ok: true }>;
  /** Whether a request id is stored here: a repeated webhook-id for it is the sender's retry. */
  hasRequest(id: string): boolean;
};

export type Route = {
  schema: z.ZodType;
  handle(handlers: ReceiverHandlers, message: unknown): Handled<unknown>;
  /** The request id a message is about, for retries and the log. */
  requestIdOf(message: unknown): string | undefined;
};

function route<S extends z.ZodType>(
  schema: S,
  handle: (handlers: ReceiverHandlers, message: z.output<S>) => Handled<unknown>,
  requestIdOf: (message: z.output<S>) => string | undefined = () => undefined,
): Route {
  return {
    schema,
    handle: (handlers, message) => handle(handlers, message as z.output<S>),
    requestIdOf: (message) => requestIdOf(message as z.output<S>),
  };
}

export const routes: Record<string, Route> = {
  [receiverBasePath + backendPaths.requests]: route(requestCreatedSchema, (h, m) => h.requestCreated(m), (m) => m.request.id),
  [receiverBasePath + backendPaths.status]: route(statusQuerySchema, (h, m) => h.statusQuery(m)),
  [receiverBasePath + backendPaths.updates]: route(requestUpdatedSchema, (h, m) => h.requestUpdated(m), (m) => m.requestId),
  [receiverBasePath + backendPaths.heartbeats]: route(heartbeatSchema, (h, m) => h.heartbeat(m)),
};
