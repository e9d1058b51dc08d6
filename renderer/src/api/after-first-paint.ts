import { useEffect, useState } from 'react';

/** The longest wait for a first frame (a hidden window draws none). */
const latestMs = 500;

let painted = false;
let firstPaint: Promise<void> | undefined;

/**
 * Resolves once the page has drawn its first frame after the first call (the
 * next animation frame, then a task after it, so the frame is out). What the
 * first screen does not show waits on it, so the first paint does not wait on
 * it: the speech engine's start, the read-aloud tools (which appear only once
 * a voice is known anyway), the subscription to configuration changes.
 */
export function afterFirstPaint(): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    const done = () =>
      setTimeout(() => {
        painted = true;
        resolve();
      }, 0);
    // A window not shown yet draws no frames: it gets on after a while without one.
    const late = setTimeout(done, latestMs);
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => {
        clearTimeout(late);
        done();
      });
    else done();
  });
  return firstPaint;
}

/** False until the page's first frame is drawn (see afterFirstPaint), then true; true at once in a later mount. */
export function useAfterFirstPaint(): boolean {
  const [done, setDone] = useState(painted);
  useEffect(() => {
    if (done) return undefined;
    let active = true;
    void afterFirstPaint().then(() => {
      if (active) setDone(true);
    });
    return () => {
      active = false;
    };
  }, [done]);
  return done;
}
