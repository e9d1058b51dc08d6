import { useLayoutEffect } from 'react';

/**
 * A public screen keeps nothing for the next person: copy and cut do nothing
 * here (by key, menu or script), and main empties the clipboard at every
 * reset (`kiosk.sessionEnded`) for anything that got there another way.
 * A layout effect: the refusal is in place in the same commit that first
 * draws the screen, never a moment after it (a passive effect runs later).
 */
export function useNoCopy(target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document): void {
  useLayoutEffect(() => {
    const refuse = (event: Event) => event.preventDefault();
    target.addEventListener('copy', refuse);
    target.addEventListener('cut', refuse);
    return () => {
      target.removeEventListener('copy', refuse);
      target.removeEventListener('cut', refuse);
    };
  }, [target]);
}
