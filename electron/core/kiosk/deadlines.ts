/**
 * The two promises the kiosk makes about time: not delivered within
 * fallbackAfterSeconds, or not acknowledged within acknowledgeWithinSeconds
 * (shorter for emergencies), and the screen shows the fallback; the second
 * also pages the escalation channels. The timer checks the request's phase
 * when it fires, not the clock, so tests can compress time.
 */
import type { DeliveryConfig } from '../../../shared/config.js';
import type { Priority } from '../../../shared/request.js';
import type { RequestRecord } from './request-record.js';

/** Runs `fn` after `delayMs`; returns a cancel. Tests inject a faster one. */
export type Schedule = (delayMs: number, fn: () => void) => () => void;

export const realSchedule: Schedule = (delayMs, fn) => {
  const timer = setTimeout(fn, delayMs);
  return () => clearTimeout(timer);
};

export function acknowledgeWithinMs(delivery: DeliveryConfig, priority: Priority): number {
  return (priority === 'emergency' ? delivery.emergencyAcknowledgeWithinSeconds : delivery.acknowledgeWithinSeconds) * 1000;
}

export type Deadlines = {
  watch(record: RequestRecord): void;
  /** Drops a purged request's timers. */
  forget(id: string): void;
  close(): void;
};

export function createDeadlines(options: {
  delivery: DeliveryConfig;
  now: () => number;
  schedule: Schedule;
  onDeliveryLate(id: string): void;
  onAcknowledgeLate(id: string): void;
}): Deadlines {
  const cancels = new Map<string, Array<() => void>>();
  const at = (record: RequestRecord, afterMs: number, fn: () => void) => {
    const delay = Math.max(0, Date.parse(record.createdAt) + afterMs - options.now());
    const list = cancels.get(record.id) ?? [];
    list.push(options.schedule(delay, fn));
    cancels.set(record.id, list);
  };
  return {
    watch(record) {
      if (record.phase === 'captured' && !record.late)
        at(record, options.delivery.fallbackAfterSeconds * 1000, () => options.onDeliveryLate(record.id));
      if ((record.phase === 'captured' || record.phase === 'delivered') && !record.escalated) {
        at(record, acknowledgeWithinMs(options.delivery, record.priority), () => options.onAcknowledgeLate(record.id));
      }
    },
    forget(id) {
      for (const cancel of cancels.get(id) ?? []) cancel();
      cancels.delete(id);
    },
    close() {
      for (const list of cancels.values()) for (const cancel of list) cancel();
      cancels.clear();
    },
  };
}
