import { useEffect } from 'react';

/**
 * A public screen keeps nothing for the next person: copy and cut do nothing
 * here (by key, menu or script), and main empties the clipboard at every
 * reset (`kiosk.sessionEnded`) for anything that got there another way.
 */
export function useNoCopy(target: Pick<Document, 'addEventListener' | 'removeEventListener'> = document): void {
  useEffect(() => {
    const refuse = (event: Event) => event.preventDefault();
    target.addEventListener('copy', refuse);
    target.addEventListener('cut', refuse);
    return () => {
      target.removeEventListener('copy', refuse);
      target.removeEventListener('cut', refuse);
    };
  }, [target]);
}
