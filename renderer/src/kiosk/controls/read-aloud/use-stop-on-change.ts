import { useEffect, type RefObject } from 'react';
import { skipAttribute } from './readable-text';

function inSkippedPart(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(`[${skipAttribute}]`) != null;
}

/**
 * While `active`, calls `onChange` when the text being read changes or the
 * screen is replaced, so the kiosk never reads out a screen that is gone.
 * Changes inside data-no-read-aloud parts (the button's own label) do not count.
 */
export function useStopOnChange(targetRef: RefObject<HTMLElement | null>, active: boolean, onChange: () => void): void {
  useEffect(() => {
    const observed = targetRef.current;
    if (!active || !observed) return;
    const observer = new MutationObserver((records) => {
      const changed = records.some((record) => {
        if (inSkippedPart(record.target)) return false;
        if (targetRef.current !== observed) return true;
        return observed.contains(record.target) || [...record.removedNodes].some((node) => node.contains(observed));
      });
      if (changed) onChange();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [targetRef, active, onChange]);
}
