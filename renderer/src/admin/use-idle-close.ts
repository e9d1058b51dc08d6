import { useEffect } from 'react';

/**
 * Calls `onIdle` after `ms` without a pointer or key press anywhere on the
 * page. For the PIN pad, so one left open on a public screen goes away.
 */
export function useIdleClose(onIdle: () => void, ms: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(onIdle, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    document.addEventListener('pointerdown', restart);
    document.addEventListener('keydown', restart);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', restart);
      document.removeEventListener('keydown', restart);
    };
  }, [onIdle, ms, enabled]);
}
