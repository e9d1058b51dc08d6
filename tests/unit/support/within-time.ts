/**
 * A wait that fails with a sentence instead of a bare test timeout: what was
 * awaited, and what came instead. The default stays under Vitest's 5 s test
 * timeout, so the sentence is what the report shows.
 */
export const defaultWaitMs = 4_000;

/** Settles as `pending` does, or rejects after `timeoutMs` with `describe()`'s account of what never came. */
export function withinTime<T>(pending: Promise<T>, timeoutMs: number, describe: () => string, giveUp?: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      giveUp?.();
      reject(new Error(`waited ${timeoutMs} ms for ${describe()}`));
    }, timeoutMs);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A predicate's source, shortened, to name what a wait was for. */
export const described = (match: (...args: never[]) => unknown): string => match.toString().replace(/\s+/g, ' ').slice(0, 160);
