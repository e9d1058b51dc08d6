import { useEffect, useRef } from 'react';

/** Calls `fn` once after `delayMs`; null means no timer. A new delay starts the wait again. */
export function useTimeout(delayMs: number | null, fn: () => void): void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  }, [fn]);
  useEffect(() => {
    if (delayMs === null) return;
    const timer = setTimeout(() => latest.current(), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
}
