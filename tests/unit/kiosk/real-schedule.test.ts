/**
 * The deadline timer the kiosk runs with in production (the other tests
 * inject a manual one): it fires after its delay, and a cancelled one never
 * fires, so a purged or closed request pages nobody later.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realSchedule } from '../../../electron/core/kiosk/deadlines.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the real deadline timer', () => {
  it('fires once its delay has passed, not before', () => {
    const fired = vi.fn();
    realSchedule(30_000, fired);
    vi.advanceTimersByTime(29_999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('never fires once cancelled', () => {
    const fired = vi.fn();
    const cancel = realSchedule(30_000, fired);
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(fired).not.toHaveBeenCalled();
  });
});
