/**
 * What the desk benchmark reads: main-thread time over a quiet window (the
 * Chrome DevTools Protocol's TaskDuration), and when each new request's card
 * was drawn.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { within } from './bounded.js';

export type IdleCost = {
  /** Main-thread CPU time (ThreadTime): what the page itself costs, little changed by other work on the machine. */
  cpuMsPerSecond: number;
  /** Wall-clock time of main-thread tasks (TaskDuration): grows when other processes hold the cores. */
  taskMsPerSecond: number;
};

/** Main-thread milliseconds per second the page spends over `seconds` of doing nothing asked of it. */
export async function idleCost(page: Page, seconds: number): Promise<IdleCost> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { thread: metric('ThreadTime'), task: metric('TaskDuration') };
  };
  const before = await read();
  // The measurement window itself: the page is left alone while the clock runs.
  await delay(seconds * 1000);
  const after = await read();
  await cdp.detach();
  const perSecond = (from: number, to: number) => ((to - from) * 1000) / seconds;
  return { cpuMsPerSecond: perSecond(before.thread, after.thread), taskMsPerSecond: perSecond(before.task, after.task) };
}

declare global {
  interface Window {
    lobbyBenchDrawn?: Map<string, number>;
    lobbyBenchOnDrawn?: () => void;
    lobbyBenchEventsAt?: number[];
  }
  interface EventSource {
    lobbyBenchTypes?: Set<string>;
  }
}

/**
 * Before the page's scripts run: notes when each server-sent event reaches
 * the page (a listener of its own, added before the app's for each event
 * type), so the page's share of update-to-drawn can be told from the desk's.
 */
export async function recordEventArrivals(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const arrivals: number[] = [];
    window.lobbyBenchEventsAt = arrivals;
    const add = EventSource.prototype.addEventListener;
    EventSource.prototype.addEventListener = function (this: EventSource, ...args: Parameters<EventSource['addEventListener']>) {
      const [type] = args;
      this.lobbyBenchTypes ??= new Set();
      if (!this.lobbyBenchTypes.has(type)) {
        this.lobbyBenchTypes.add(type);
        add.call(this, type, () => arrivals.push(performance.timeOrigin + performance.now()));
      }
      return add.apply(this, args);
    } as EventSource['addEventListener'];
  });
}

/** The last event that reached the page at or before `time`. */
export function lastEventBefore(page: Page, time: number): Promise<number> {
  return page.evaluate((at) => Math.max(...(window.lobbyBenchEventsAt ?? []).filter((arrived) => arrived <= at)), time);
}

/** Notes the wall-clock time of the frame after each request card first appears (the next animation frame, then the task after it). */
export async function recordDrawnCards(page: Page): Promise<void> {
  await page.evaluate(() => {
    const drawn = new Map<string, number>();
    window.lobbyBenchDrawn = drawn;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const cards = node.matches('[data-request-id]') ? [node] : [...node.querySelectorAll('[data-request-id]')];
          for (const card of cards) {
            const id = card.getAttribute('data-request-id') ?? '';
            if (drawn.has(id)) continue;
            drawn.set(id, Number.NaN);
            requestAnimationFrame(() =>
              setTimeout(() => {
                drawn.set(id, performance.timeOrigin + performance.now());
                window.lobbyBenchOnDrawn?.();
              }, 0),
            );
          }
        }
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
}

/** Resolves with the wall-clock time the card of request `id` was drawn. */
export function drawnAt(page: Page, id: string): Promise<number> {
  return within(
    `the card of request ${id} being drawn on the desk page (desk.requestChanged reaching the page and applied)`,
    page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) => {
          const check = () => {
            const at = window.lobbyBenchDrawn?.get(wanted);
            if (at !== undefined && !Number.isNaN(at)) resolve(at);
            else window.lobbyBenchOnDrawn = check;
          };
          check();
        }),
      id,
    ),
  );
}

declare global {
  interface Window {
    lobbyBenchTicks?: number;
    lobbyBenchOnTick?: () => void;
  }
}

/**
 * Counts the console's clock ticks: the shared once-a-second ticker
 * (renderer/src/desk/second-ticker.ts) rewrites the text of the cards'
 * `<time>` elements, and nothing else on the page does, so a change to a
 * `<time>`'s text is a tick.
 */
export async function recordTicks(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.lobbyBenchTicks = 0;
    let counted = -1;
    new MutationObserver((records) => {
      if (!records.some((record) => record.target.parentElement?.closest('time'))) return;
      // One tick rewrites many clocks in one task; count it once.
      const task = performance.now();
      if (task - counted < 100) return;
      counted = task;
      window.lobbyBenchTicks = (window.lobbyBenchTicks ?? 0) + 1;
      window.lobbyBenchOnTick?.();
    }).observe(document.body, { subtree: true, characterData: true });
  });
}

/** The number of clock ticks seen so far. */
export function ticksSoFar(page: Page): Promise<number> {
  return page.evaluate(() => window.lobbyBenchTicks ?? 0);
}

/**
 * Resolves `settleMs` after the next clock tick, once the tick's own frame is
 * drawn: a window opened then holds no tick for most of a second.
 */
export function afterNextTick(page: Page, settleMs: number): Promise<void> {
  return within(
    'a clock tick on the desk page (its once-a-second ticker rewriting a waiting time)',
    page.evaluate(
      (settle) =>
        new Promise<void>((resolve) => {
          window.lobbyBenchOnTick = () => {
            window.lobbyBenchOnTick = undefined;
            setTimeout(resolve, settle);
          };
        }),
      settleMs,
    ),
  );
}
