/**
 * One desk console opened for timing arrivals, and the page's main-thread
 * CPU time of one arrival read in a window that holds no clock tick, beside
 * a matched quiet window. Shared by the desk bench and the desk profiles, so
 * two desks (10 and 1,000 open) can be run side by side, arrivals in turn.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from '@playwright/test';
import type { BenchDesk } from './bench-desk.js';
import { goTo } from './bounded.js';
import { afterNextTick, drawnAt, recordDrawnCards, recordEventArrivals, ticksSoFar } from './desk-timing.js';

/** The page's main-thread CPU time so far (seconds), from Chromium's `ThreadTime` metric. */
export type ThreadTime = () => Promise<number>;

export async function threadTimeOf(page: Page): Promise<{ read: ThreadTime; detach(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  return { read, detach: () => cdp.detach() };
}

export type DeskSide = { open: number; desk: BenchDesk; page: Page; threadTime: ThreadTime };

/** Fills `desk` with `open` requests and opens its console, recording events and drawn cards. */
export async function openDeskSide(browser: Browser, desk: BenchDesk, open: number): Promise<DeskSide> {
  await desk.send(open);
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await recordEventArrivals(page);
  await goTo(page, desk.deskUrl, `[data-field="open-count"]:text-is("${open}")`);
  await recordDrawnCards(page);
  return { open, desk, page, threadTime: (await threadTimeOf(page)).read };
}

/** How long after a clock tick a window opens: the tick's own frame is drawn by then. */
const afterTickMs = 50;

/**
 * What receiving one new emergency costs the page (needs `recordTicks` and
 * `recordDrawnCards` on it): the page's main-thread CPU time (ms) from the
 * send to the card drawn, in a window opened just after a clock tick, and in
 * a matched quiet window as long, as soon after a tick, with nothing sent;
 * the difference is the arrival's own time. Undefined when either window
 * still caught a tick (the caller counts it).
 */
export async function tickFreeArrivalCpu(
  page: Page,
  desk: BenchDesk,
  threadTime: ThreadTime,
): Promise<{ arrival: number; quiet: number } | undefined> {
  await afterNextTick(page, afterTickMs);
  const ticks = await ticksSoFar(page);
  const before = await threadTime();
  const opened = Date.now();
  const [id] = await desk.send(1, { emergency: true });
  await drawnAt(page, id ?? '');
  const cpu = (await threadTime()) - before;
  const windowMs = Date.now() - opened;
  if ((await ticksSoFar(page)) !== ticks) return undefined;
  await afterNextTick(page, afterTickMs);
  const quietTicks = await ticksSoFar(page);
  const quietBefore = await threadTime();
  await delay(windowMs);
  const quiet = (await threadTime()) - quietBefore;
  if ((await ticksSoFar(page)) !== quietTicks) return undefined;
  return { arrival: cpu * 1000, quiet: quiet * 1000 };
}
