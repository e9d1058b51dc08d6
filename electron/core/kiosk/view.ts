import type { KioskRequestView } from '../../../shared/request.js';
import { statusOf } from '../../../shared/request-status.js';
import { answerable, type RequestRecord } from './request-record.js';

/** The screen's view of a record: status only, no personal data. */
export function kioskRequestViewOf(record: RequestRecord): KioskRequestView {
  return {
    id: record.id,
    reference: record.reference,
    priority: record.priority,
    phase: record.phase,
    status: statusOf({ ...record, answerable: answerable(record) }),
    ...(record.acknowledgement ? { acknowledgement: { ...record.acknowledgement } } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
