/**
 * The desk's one periodic timer (alert repeats, kiosks going quiet,
 * retention). Injected so tests drive it with a moved clock instead of waiting.
 */
export type Every = (intervalMs: number, run: () => void) => () => void;

export const realEvery: Every = (intervalMs, run) => {
  const timer = setInterval(run, intervalMs);
  // Never keep a closing process alive for the desk's housekeeping.
  timer.unref();
  return () => clearInterval(timer);
};

/** A ticker a test fires by hand: `tick()` runs every registered callback once. */
export function manualEvery(): Every & { tick(): void } {
  const runs = new Set<() => void>();
  const every = ((_intervalMs: number, run: () => void) => {
    runs.add(run);
    return () => {
      runs.delete(run);
    };
  }) as Every & { tick(): void };
  every.tick = () => {
    for (const run of runs) run();
  };
  return every;
}
