import { useCallback, useEffect, useRef, useState } from 'react';

export type IdleState = { warning: false } | { warning: true; remaining: number; deadline: number };

/**
 * Counts inactivity, then a countdown. `activity()` restarts the wait (ignored
 * while warning, so that a stray touch on the dialog's backdrop cannot be
 * taken for the answer), `stillHere()` ends the warning, and reaching zero
 * calls `onExpire` and starts the wait again. One timer runs at a time and
 * it is cleared on unmount.
 */
export function useIdleCountdown(warnAfterMs: number, countdownSeconds: number, onExpire: () => void) {
  const [state, setState] = useState<IdleState>({ warning: false });
  const [waitStart, setWaitStart] = useState(0);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  // The wait: restarted whenever waitStart changes (activity) or the warning ends.
  useEffect(() => {
    if (state.warning) return;
    const timer = setTimeout(
      () => setState({ warning: true, remaining: countdownSeconds, deadline: Date.now() + countdownSeconds * 1000 }),
      warnAfterMs,
    );
    return () => clearTimeout(timer);
  }, [state.warning, waitStart, warnAfterMs, countdownSeconds]);

  // The countdown: measured against a deadline, so a late tick never stretches it.
  const deadline = state.warning ? state.deadline : null;
  useEffect(() => {
    if (deadline === null) return;
    const timer = setInterval(() => {
      const remaining = Math.ceil((deadline - Date.now()) / 1000);
      if (remaining > 0) {
        setState({ warning: true, remaining, deadline });
        return;
      }
      clearInterval(timer);
      setState({ warning: false });
      onExpireRef.current();
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);

  const activity = useCallback(() => {
    setWaitStart((n) => n + 1);
  }, []);
  const stillHere = useCallback(() => setState({ warning: false }), []);
  return { state, activity, stillHere };
}
