/**
 * The backend-call contract, version 1.1: the JSON a kiosk POSTs to a desk
 * console or a department's own backend, and the answers it expects.
 * Documented for departments in docs/backend-contract.md (with a JSON Schema
 * and examples); the desk receiver implements exactly this.
 *
 * Paths are relative to a channel's base URL, for example
 * `http://192.168.1.20:4790/lobby/v1`:
 *
 * | path            | message            | answer                  |
 * | --------------- | ------------------ | ----------------------- |
 * | `/requests`     | `request.created`  | `requestReceiptSchema`  |
 * | `/status`       | `status.query`     | `statusAnswerSchema`    |
 * | `/updates`      | `request.updated`  | `{ "ok": true }`        |
 * | `/heartbeats`   | `kiosk.heartbeat`  | `{ "ok": true }`        |
 *
 * A generic webhook channel POSTs `request.created` to its full URL (and,
 * when it opts in, `kiosk.heartbeat`). Every message is signed per Standard
 * Webhooks (see ./signing.ts).
 *
 * Receivers ignore fields they do not know (the schemas strip them rather
 * than refuse them), so a minor version may add optional fields; `version`
 * on the wire stays 1 for every 1.x.
 */
import { z } from 'zod';
import { wireRequestStates } from '../request-status.js';
import { isPrintableText, unprintableMessage } from '../printable-text.js';
import {
  ackMessageKeys,
  closeOutcomes,
  firstNameMaxLength,
  firstNamePattern,
  languageCodeSchema,
  priorities,
  referencePattern,
  requestKinds,
} from '../request.js';

/** The contract's version as documented (docs/backend-contract.md). */
export const contractVersion = '1.3' as const;
/** The `version` every 1.x message carries: a 1.0 receiver reads 1.1 messages. */
export const wireVersion = 1 as const;
export const backendPaths = {
  requests: '/requests',
  status: '/status',
  updates: '/updates',
  heartbeats: '/heartbeats',
} as const;

/** Text a desk stores or shows: bounded, and visible characters only (shared/printable-text.ts). */
const printable = (max: number) => z.string().min(1).max(max).refine(isPrintableText, unprintableMessage);
const firstName = z
  .string()
  .min(1)
  .max(firstNameMaxLength)
  .refine(isPrintableText, unprintableMessage)
  .refine((name) => firstNamePattern.test(name), 'use letters only');
const kioskOf = z.object({ id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/), location: printable(80) });

const deviceId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/);
const isoTime = z.iso.datetime({ offset: true });
/** The kiosk's request id: the one rule for every place that takes one (receiver, desk calls, the desk's stored records). */
export const requestIdSchema = z.string().regex(/^req_[A-Za-z0-9]{16,40}$/, 'use the kiosk\'s request id ("req_" and letters or digits)');
const requestId = requestIdSchema;
/** A desk's Ed25519 signature (base64) over the statement in ./statements.ts: who answered, how and when. */
const deskSignature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature in base64');

export const acknowledgementSchema = z.object({
  messageKey: z.enum(ackMessageKeys),
  deskId: deviceId,
  deskName: printable(80),
  at: isoTime,
  /** Present from paired desks; a kiosk and the other desks act only on a valid one. */
  signature: deskSignature.optional(),
});

/** A desk's closure of a request, signed like an acknowledgement. */
export const closureSchema = z.object({
  outcome: z.enum(closeOutcomes),
  at: isoTime,
  deskId: deviceId,
  signature: deskSignature.optional(),
});

export const requestCreatedSchema = z.object({
  type: z.literal('request.created'),
  version: z.literal(wireVersion),
  sentAt: isoTime,
  /**
   * Optional (added in v1, so older kiosks still validate): how many seconds
   * before this attempt the person asked, by the sender's own clock. A
   * receiver subtracts it from its own receipt time to know when the person
   * asked, without trusting the sender's clock.
   */
  ageSeconds: z.number().min(0).max(31_536_000).optional(),
  request: z.object({
    id: requestId,
    reference: z.string().regex(referencePattern),
    program: printable(60),
    agency: printable(200),
    kiosk: kioskOf,
    priority: z.enum(priorities),
    kind: z.enum(requestKinds),
    language: languageCodeSchema,
    turningIn: z.boolean(),
    dangerNow: z.boolean(),
    /** Present only on channels allowed to carry personal data (the desk console on the LAN). */
    firstName: firstName.optional(),
    createdAt: isoTime,
    /** Present only on a test page sent from the admin screen: nobody is waiting; never counted in reports. */
    test: z.literal(true).optional(),
  }),
});

export const requestReceiptSchema = z.object({ received: z.literal(true), duplicate: z.boolean() });

export const statusQuerySchema = z.object({
  type: z.literal('status.query'),
  version: z.literal(wireVersion),
  sentAt: isoTime,
  kioskId: deviceId,
  requestIds: z.array(requestId).min(1).max(200),
});

/** The request's state as a desk reports it: derived from the one status table (shared/request-status.ts). */
export const requestStates = wireRequestStates;

export const statusAnswerSchema = z.object({
  requests: z.array(
    z.object({
      id: requestId,
      state: z.enum(requestStates),
      acknowledgement: acknowledgementSchema.optional(),
      closed: closureSchema.optional(),
    }),
  ),
});

/** The kiosk tells every other desk which desk answered first (and when a request was closed). */
export const requestUpdatedSchema = z.object({
  type: z.literal('request.updated'),
  version: z.literal(wireVersion),
  sentAt: isoTime,
  requestId,
  acknowledgement: acknowledgementSchema.optional(),
  closed: closureSchema.optional(),
});

export const heartbeatSchema = z.object({
  type: z.literal('kiosk.heartbeat'),
  version: z.literal(wireVersion),
  sentAt: isoTime,
  kiosk: kioskOf,
  /** Requests waiting in the kiosk's outbox for any channel. */
  outboxDepth: z.number().int().min(0),
  /** Deliveries that failed permanently since the kiosk started. */
  failedDeliveries: z.number().int().min(0),
});

export const okAnswerSchema = z.object({ ok: z.literal(true) });

/** The body of every 4xx/5xx answer: a stable code and a sentence naming the problem. */
export const errorAnswerSchema = z.object({ error: z.string(), message: z.string() });

export type RequestCreated = z.output<typeof requestCreatedSchema>;
export type RequestReceipt = z.output<typeof requestReceiptSchema>;
export type StatusQuery = z.output<typeof statusQuerySchema>;
export type StatusAnswer = z.output<typeof statusAnswerSchema>;
export type RequestUpdated = z.output<typeof requestUpdatedSchema>;
export type Heartbeat = z.output<typeof heartbeatSchema>;
export type ErrorAnswer = z.output<typeof errorAnswerSchema>;
