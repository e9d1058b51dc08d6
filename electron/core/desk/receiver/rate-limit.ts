/**
 * New requests per kiosk per rolling minute. A kiosk limits itself too; this
 * is the desk's own guard, so a faulty or hostile sender cannot bury the
 * console in alerts. Counts are kept only for the last minute.
 */
export type RateLimit = {
  /** Counts one message from `key`; undefined when allowed, else the seconds to wait (for Retry-After). */
  take(key: string, at: number): number | undefined;
};

const minuteMs = 60_000;

export function createRateLimit(perMinute: number): RateLimit {
  const times = new Map<string, number[]>();
  return {
    take(key, at) {
      const recent = (times.get(key) ?? []).filter((t) => at - t < minuteMs);
      if (recent.length >= perMinute) {
        times.set(key, recent);
        return Math.max(1, Math.ceil(((recent[0] ?? at) + minuteMs - at) / 1000));
      }
      recent.push(at);
      times.set(key, recent);
      return undefined;
    },
  };
}
