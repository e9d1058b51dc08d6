import type { KioskDeviceConfig } from '../../../shared/config.js';
import type { RequestRecord } from './request-record.js';

const hourMs = 3_600_000;

/**
 * Whether a record has outlived its retention: hoursAfterClose after the
 * kiosk learned of its closure, or maxOpenHours after capture if no desk
 * ever closed it. Returns the reason for the log, or undefined to keep it.
 */
export function retentionExpired(
  record: RequestRecord,
  now: number,
  retention: KioskDeviceConfig['retention'],
): 'after-close' | 'max-open' | undefined {
  if (record.closedAt && now >= Date.parse(record.closedAt) + retention.hoursAfterClose * hourMs) return 'after-close';
  if (now >= Date.parse(record.createdAt) + retention.maxOpenHours * hourMs) return 'max-open';
  return undefined;
}
