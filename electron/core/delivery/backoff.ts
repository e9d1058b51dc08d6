/**
 * How long to wait before the next attempt: capped exponential backoff with
 * full jitter, so many kiosks recovering from one outage do not hammer the
 * backend in lock-step; a receiver's Retry-After wins when it asks for longer.
 */
export type RetryPolicy = { initialDelayMs: number; maxDelayMs: number };

/** A Retry-After longer than this is treated as this: a page must not wait for hours. */
export const maxRetryAfterMs = 15 * 60_000;

/**
 * The delay before retry number `attempt` (1 for the first retry).
 * `random` returns [0, 1); tests pass a fixed one.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: never zero (which would spin), never above the cap.
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(retryAfterMs, maxRetryAfterMs));
}
