import type { Schedule } from '../../../../electron/core/kiosk/deadlines.js';

export type ManualTimer = { delayMs: number; fire(): void; cancelled: boolean };

/** A deadline timer the test fires by hand, so time-based behaviour needs no waiting. */
export function manualSchedule(): { schedule: Schedule; timers: ManualTimer[] } {
  const timers: ManualTimer[] = [];
  const schedule: Schedule = (delayMs, fn) => {
    const timer: ManualTimer = {
      delayMs,
      cancelled: false,
      fire: () => {
        if (!timer.cancelled) fn();
      },
    };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  return { schedule, timers };
}
