/**
 * What the kiosk keeps about one request, in memory and in its outbox file.
 * The first name is never here in plain text: either sealed by the
 * platform's cipher, or (no cipher) kept in memory only, outside the record.
 */
import { z } from 'zod';
import { acknowledgementSchema } from '../../../shared/backend/messages.js';
import { closeOutcomes, priorities, requestKinds, requestPhases } from '../../../shared/request.js';

const isoTime = z.iso.datetime({ offset: true });

/** Per channel: where delivery of the request (and of relayed updates) stands. */
export const channelStateSchema = z.object({
  use: z.enum(['page', 'escalation']),
  /** idle: an escalation channel not (yet) needed. */
  created: z.enum(['idle', 'pending', 'delivered', 'failed']),
  /** The last permanent failure's reason, safe to log. */
  reason: z.string().max(120).optional(),
  /** An acknowledgement or closure to relay to this desk. */
  update: z.enum(['none', 'pending', 'sent', 'failed']),
  /** Whether this channel can report acknowledgements (a desk, a webhook with statusUrl); absent in older records: assumed yes. */
  answers: z.boolean().optional(),
});
export type ChannelState = z.output<typeof channelStateSchema>;

export const requestRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().regex(/^req_[A-Za-z0-9]{24}$/),
  /** Capture order on this kiosk: the outbox drains in this order. */
  seq: z.number().int().min(0),
  reference: z.string(),
  kind: z.enum(requestKinds),
  priority: z.enum(priorities),
  language: z.string(),
  turningIn: z.boolean(),
  dangerNow: z.boolean(),
  sealedFirstName: z.string().optional(),
  /** The screen's key for this visit: a second submit with it gets this request back, also after a restart. */
  idempotencyKey: z.string().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
  phase: z.enum(requestPhases),
  late: z.boolean(),
  failed: z.boolean(),
  escalated: z.boolean(),
  acknowledgement: acknowledgementSchema.optional(),
  /** The channel that reported the acknowledgement or closure: it needs no relay. */
  reportedBy: z.string().optional(),
  closed: z.object({ outcome: z.enum(closeOutcomes), at: isoTime, deskId: z.string(), signature: z.string().optional() }).optional(),
  /** The kiosk's own clock when it learned of the closure: retention counts from here. */
  closedAt: isoTime.optional(),
  channels: z.record(z.string(), channelStateSchema),
});
export type RequestRecord = z.output<typeof requestRecordSchema>;

/** Validates a stored record; undefined for a file this version cannot use. */
export function parseRecord(json: unknown): RequestRecord | undefined {
  const parsed = requestRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Recomputes what follows from the channels' states: delivered once any
 * channel took it; failed when nothing took it and every page channel gave up.
 */
export function settleDelivery(record: RequestRecord): void {
  const states = Object.values(record.channels);
  const delivered = states.some((c) => c.created === 'delivered');
  if (delivered && record.phase === 'captured') record.phase = 'delivered';
  const pages = states.filter((c) => c.use === 'page');
  record.failed = !delivered && pages.length > 0 && pages.every((c) => c.created === 'failed');
  // Failing everywhere is the fallback's cue at once, without waiting for the timer.
  if (record.failed) record.late = true;
}

/**
 * Whether an answer can still reach the screen: a channel that can report
 * acknowledgements took the request, is still trying, or may yet be paged.
 */
export function answerable(record: RequestRecord): boolean {
  return Object.values(record.channels).some((c) => c.answers !== false && c.created !== 'failed');
}
