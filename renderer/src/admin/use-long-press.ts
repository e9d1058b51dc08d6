import { useEffect } from 'react';

/** How long the agency's name must be held to open the admin PIN pad: longer than any reading or tapping. */
export const adminHoldMs = 5000;

/**
 * Calls `onHold` when a pointer stays down on an element marked
 * `data-admin-door` for `adminHoldMs`. Lifting, cancelling or leaving the
 * element before then does nothing, so a person tapping or resting a hand on
 * the masthead never meets the admin screen.
 */
export function useAdminHold(onHold: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    };
    const down = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target.closest('[data-admin-door]') : null;
      if (!target) return;
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        onHold();
      }, adminHoldMs);
      target.addEventListener('pointerleave', cancel, { once: true });
    };
    document.addEventListener('pointerdown', down);
    document.addEventListener('pointerup', cancel);
    document.addEventListener('pointercancel', cancel);
    return () => {
      cancel();
      document.removeEventListener('pointerdown', down);
      document.removeEventListener('pointerup', cancel);
      document.removeEventListener('pointercancel', cancel);
    };
  }, [onHold, enabled]);
}
