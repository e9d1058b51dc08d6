import { useEffect, useState } from 'react';

/** The longest wait for a first frame (a hidden window draws none). */
const latestMs = 500;

let painted = false;
let firstPaint: Promise<void> | undefined;

/** True where the browser reports its first contentful paint (Chromium); elsewhere (tests' DOM) the first frame stands in. */
function paintEntriesKnown(): boolean {
  return typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
}

/**
 * Resolves once the page's first contentful paint is on screen (the browser's
 * own paint entry, reported when the frame is presented), then a task later;
 * where the browser reports no paint entries, after the next animation frame
 * and a task. What the first screen does not show waits on it, so neither
 * its paint nor the drawing of that frame waits on it: the speech engine's
 * start, the read-aloud tools (which appear only once a voice is known
 * anyway), the subscription to configuration changes. (Waiting only for the
 * next animation frame let that work run while the frame was still being
 * rastered and drawn, on the same two cores.)
 */
export function afterFirstPaint(): Promise<void> {
  firstPaint ??= new Promise<void>((resolve) => {
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(late);
      setTimeout(() => {
        painted = true;
        resolve();
      }, 0);
    };
    // A window not shown yet draws no frames: it gets on after a while without one.
    const late = setTimeout(done, latestMs);
    if (paintEntriesKnown()) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        done();
      });
      // Buffered: a page painted before this call (a later mount) has its entry already.
      observer.observe({ type: 'paint', buffered: true });
    } else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(done);
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
