import { priorityOf, type ValidRequestInput } from '../../../shared/request.js';
import { newReference, newRequestId } from './identifiers.js';
import type { ChannelState, RequestRecord } from './request-record.js';

/**
 * A just-captured request: a new id for life, a reference unused by the
 * kiosk's open requests, every page channel pending. The first name is not
 * here: the caller seals it in (or keeps it in memory).
 */
export function newRecord(
  input: ValidRequestInput,
  context: { kioskId: string; seq: number; taken: ReadonlySet<string>; now: number; channels: Record<string, ChannelState> },
): RequestRecord {
  const createdAt = new Date(context.now).toISOString();
  return {
    version: 1,
    id: newRequestId(),
    seq: context.seq,
    reference: newReference(context.kioskId, context.taken),
    kind: input.kind,
    priority: priorityOf(input),
    language: input.language,
    turningIn: input.turningIn,
    dangerNow: input.dangerNow,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    createdAt,
    updatedAt: createdAt,
    phase: 'captured',
    late: false,
    failed: false,
    escalated: false,
    channels: context.channels,
  };
}
