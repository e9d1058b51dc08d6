/**
 * One timer for every clock on the console. Each waiting time and "last
 * heard" subscribes here instead of the whole list re-rendering every second:
 * a tick costs one timer callback and the text nodes whose words changed.
 */
type Listener = (now: number) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  const now = Date.now();
  for (const listener of listeners) listener(now);
}

/** Calls `listener` with the time once a second while subscribed; returns the unsubscribe. The timer runs only while someone listens. */
export function onEverySecond(listener: Listener): () => void {
  listeners.add(listener);
  timer ??= setInterval(tick, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
