/**
 * The shape a stored desk record must have to be loaded. Everything read back
 * from disk passes here first: a record that does not (hand-edited, from a
 * future version, half-written by another tool) is set aside, never trusted.
 */
import { z } from 'zod';
import { acknowledgementSchema, closureSchema, requestCreatedSchema } from '../../../shared/backend/messages.js';
import { closeOutcomes, languageCodeSchema, priorities, requestKinds } from '../../../shared/request.js';
import type { RequestSummary, StoredRequest } from './stored-request.js';

const isoTime = z.iso.datetime({ offset: true });

const storedRequestSchema = requestCreatedSchema.shape.request
  .pick({ id: true, reference: true, kind: true, priority: true, language: true, turningIn: true, dangerNow: true, kiosk: true })
  .extend({
    createdAt: isoTime,
    receivedAt: isoTime,
    askedAt: isoTime.optional(),
    sealedName: z.string().min(1).max(2000).optional(),
    acknowledgement: acknowledgementSchema.optional(),
    closed: closureSchema.optional(),
    test: z.literal(true).optional(),
  })
  .strict();

const requestSummarySchema = z
  .object({
    receivedAt: isoTime,
    kind: z.enum(requestKinds),
    priority: z.enum(priorities),
    language: languageCodeSchema,
    outcome: z.enum([...closeOutcomes, 'open']),
    acknowledgeSeconds: z.number().min(0).optional(),
  })
  .strict();

/** A stored request read back from disk, or undefined when it is not one this version can trust. */
export function parseStoredRequest(json: unknown): StoredRequest | undefined {
  const parsed = storedRequestSchema.safeParse(json);
  return parsed.success ? (parsed.data satisfies StoredRequest) : undefined;
}

/** An archived anonymous summary read back from disk, or undefined. */
export function parseRequestSummary(json: unknown): RequestSummary | undefined {
  const parsed = requestSummarySchema.safeParse(json);
  return parsed.success ? (parsed.data satisfies RequestSummary) : undefined;
}
