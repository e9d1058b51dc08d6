import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type PaintCallback = (list: { getEntriesByName(name: string): unknown[] }) => void;

/** A stand-in for the browser's PerformanceObserver: the test says when the first contentful paint is presented. */
function paintObserver(supported: string[]) {
  const callbacks: PaintCallback[] = [];
  const observed: unknown[] = [];
  class Observer {
    static supportedEntryTypes = supported;
    constructor(callback: PaintCallback) {
      callbacks.push(callback);
    }
    observe(options: unknown) {
      observed.push(options);
    }
    disconnect() {
      callbacks.splice(0);
    }
  }
  vi.stubGlobal('PerformanceObserver', Observer);
  return {
    observed,
    report: (name: string) => {
      for (const callback of [...callbacks]) callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
    },
  };
}

/** A fresh copy of the module: it remembers its first paint for the page's lifetime. */
async function freshAfterFirstPaint() {
  vi.resetModules();
  return (await import('../../../renderer/src/api/after-first-paint')).afterFirstPaint;
}

function settledFlag(promise: Promise<void>) {
  const state = { settled: false };
  void promise.then(() => (state.settled = true));
  return state;
}

describe('what waits for the first paint', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the browser to present its first contentful paint, not only for the next frame', async () => {
    const browser = paintObserver(['paint', 'navigation']);
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 16));
    const afterFirstPaint = await freshAfterFirstPaint();
    const state = settledFlag(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(100);
    expect(state.settled, 'the frame after the commit is not yet the painted screen').toBe(false);
    browser.report('first-paint');
    await vi.advanceTimersByTimeAsync(10);
    expect(state.settled, 'a paint with nothing to read is not the first screen').toBe(false);
    browser.report('first-contentful-paint');
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
    expect(browser.observed).toEqual([{ type: 'paint', buffered: true }]);
  });

  it('gets on after half a second when nothing is painted (a window not shown yet)', async () => {
    paintObserver(['paint']);
    const afterFirstPaint = await freshAfterFirstPaint();
    const state = settledFlag(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(499);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(state.settled).toBe(true);
  });

  it('where the browser reports no paints, the next animation frame stands in', async () => {
    paintObserver([]);
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(0), 16));
    const afterFirstPaint = await freshAfterFirstPaint();
    const state = settledFlag(afterFirstPaint());
    await vi.advanceTimersByTimeAsync(15);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(state.settled).toBe(true);
  });
});
