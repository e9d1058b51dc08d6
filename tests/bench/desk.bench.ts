/**
 * The desk console with 50 and then 1,000 open requests received through the
 * real receiver: its main-thread time while it waits (an unanswered request
 * keeps the alert going), against the idle baseline page in the same run, and
 * how long a new request takes from the kiosk's send to its card drawn.
 * Targets (issue 13): idle < 10 ms per second at 50; update-to-drawn p95 <= 50 ms at 1,000. Idle is
 * main-thread CPU time (and, beside it, task wall time, which other work on a shared machine inflates).
 */
import path from 'node:path';
import { test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { repoRoot } from '../e2e/support/paths.js';
import { compared, summarize, writeResults } from './measure.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { goTo, openPage } from './support/bounded.js';
import { startBenchDesk, type BenchDesk } from './support/bench-desk.js';
import { openDeskSide, threadTimeOf, tickFreeArrivalCpu } from './support/desk-side.js';
import { drawnAt, idleCost, lastEventBefore, recordDrawnCards, recordEventArrivals, recordTicks } from './support/desk-timing.js';
import { recordDeskSplit, slowestSplits, summarizeSplits, type ArrivalSplit } from './support/desk-split.js';
import { machine } from './support/machine.js';
import { coldLoad, gzipBytes } from './support/page-timing.js';

const idleWindows = Number(process.env.LOBBY_BENCH_IDLE_WINDOWS ?? 5);
const idleSeconds = 5;
const arrivals = Number(process.env.LOBBY_BENCH_ARRIVALS ?? 20);
// Each arrival is two requests (one timed at any moment, one timed just after a clock tick for its cost); those sent
// with 10 open stay open, and the desk is then filled up to 50.
const sentPerRound = 2 * arrivals;
if (sentPerRound > 40) throw new Error(`LOBBY_BENCH_ARRIVALS is ${arrivals}; at most 20 (40 requests) fit between 10 and 50 open`);
// At 1,000 open, where the target is, send to drawn is timed over more arrivals than the 20 that also read their CPU
// cost: with 20 the p95 is nearly the slowest one. These extra sends are quick (no waiting for a clock tick).
const drawnArrivalsAt1000 = Math.max(arrivals, Number(process.env.LOBBY_BENCH_DRAWN_ARRIVALS ?? 60));
const deskScreen = { viewport: { width: 1920, height: 1080 } };

async function openDesk(browser: Browser, desk: BenchDesk, open: number, reducedMotion: 'reduce' | 'no-preference'): Promise<Page> {
  const page = await (await browser.newContext({ ...deskScreen, reducedMotion })).newPage();
  await recordEventArrivals(page);
  await goTo(page, desk.deskUrl, `[data-field="open-count"]:text-is("${open}")`);
  return page;
}

async function openBaseline(browser: Browser, url: string): Promise<Page> {
  return openPage(await browser.newContext(deskScreen), url, '[data-screen="welcome"]');
}

/** Idle windows alternating between the desk (alert on), the desk with reduced motion asked for, and the baseline page. */
async function idleRounds(pages: { desk: Page; deskReducedMotion: Page; baseline: Page }) {
  const names = ['desk', 'deskReducedMotion', 'baseline'] as const;
  const cpu = { desk: [] as number[], deskReducedMotion: [] as number[], baseline: [] as number[] };
  const task = { desk: [] as number[], deskReducedMotion: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < idleWindows; i += 1) {
    for (const which of names) {
      const cost = await idleCost(pages[which], idleSeconds);
      cpu[which].push(cost.cpuMsPerSecond);
      task[which].push(cost.taskMsPerSecond);
    }
  }
  const each = (values: typeof cpu) => Object.fromEntries(names.map((which) => [which, summarize(values[which])]));
  return { cpuMsPerSecond: each(cpu), taskMsPerSecond: each(task) };
}

/**
 * New emergencies, one at a time. Update-to-drawn is timed from the send (signed, through the receiver) to the frame
 * after the card appeared, sent at any moment, as a kiosk would. What receiving costs the page is read with a second
 * send per arrival, in a window that holds no clock tick: it waits for a tick and its frame, so the window (send to
 * drawn, well under a second) ends before the next one; a window that still caught a tick is left out and counted. Each
 * is matched by a quiet window of the same length, also just after a tick, with no arrival: the difference is the
 * arrival's own main-thread time. Send to drawn is timed for `timedArrivals` (at least `arrivals`); only the first
 * `arrivals` also read their CPU cost.
 */
async function arrivalRounds(page: Page, desk: BenchDesk, timedArrivals = arrivals) {
  await recordDrawnCards(page);
  await recordTicks(page);
  const { read: threadTime, detach } = await threadTimeOf(page);
  const latencies: number[] = [];
  const inPage: number[] = [];
  const split = recordDeskSplit(desk.events);
  const splits: ArrivalSplit[] = [];
  const arrivalCpu: number[] = [];
  const quietCpu: number[] = [];
  const arrivalOnly: number[] = [];
  let caughtTick = 0;
  for (let i = 0; i < timedArrivals; i += 1) {
    const sentAt = Date.now();
    const [timed] = await desk.send(1, { emergency: true });
    const drawn = await drawnAt(page, timed ?? '');
    latencies.push(drawn - sentAt);
    const eventAt = await lastEventBefore(page, drawn);
    inPage.push(drawn - eventAt);
    const parts = split.split(timed ?? '', { sentAt, answeredAt: desk.answeredAt.get(timed ?? '') ?? NaN, eventAt, drawnAt: drawn });
    if (parts) splits.push(parts);
    // Past `arrivals`, send to drawn only: the CPU part below keeps its 20.
    if (i >= arrivals) continue;

    const cost = await tickFreeArrivalCpu(page, desk, threadTime);
    if (cost === undefined) {
      caughtTick += 1;
      continue;
    }
    arrivalCpu.push(cost.arrival);
    quietCpu.push(cost.quiet);
    arrivalOnly.push(cost.arrival - cost.quiet);
  }
  await detach();
  split.stop();
  // From the kiosk's send to the card drawn; the page's part, from the desk's event reaching the page; and the page's
  // main-thread CPU time from the send to the card drawn in tick-free windows, beside a matched quiet window.
  return {
    timedArrivals,
    sendToDrawn: summarize(latencies),
    eventToDrawn: summarize(inPage),
    // Send to drawn, part by part (ms; the change's size in bytes), and the slowest arrivals' parts.
    split: summarizeSplits(splits),
    slowest: slowestSplits(splits, 3),
    pageCpuMs: {
      arrivalWindow: summarize(arrivalCpu),
      quietWindow: summarize(quietCpu),
      arrivalOnly: summarize(arrivalOnly),
      arrivalOnlySamples: arrivalOnly.map(tenths),
      leftOutForATick: caughtTick,
    },
  };
}

const sideArrivals = Number(process.env.LOBBY_BENCH_SIDE_ARRIVALS ?? 20);

/**
 * What receiving one request costs the page with 10 and with 1,000 open, side by side: two fresh desks of the bench's
 * own, one filled to 10 and one to 1,000, both consoles open, new emergencies sent to each in turn (the order swapped
 * every round), so both meet the same machine state. Each arrival's cost is read as in `arrivalRounds` (tick-free
 * window minus its matched quiet window); a round is kept as a pair when both of its windows held no tick, until
 * `sideArrivals` pairs (at most twice as many rounds).
 */
async function receivingSideBySide(browser: Browser, request: APIRequestContext) {
  const started = Date.now();
  const small = await startBenchDesk(request);
  const large = await startBenchDesk(request);
  try {
    const sides = [await openDeskSide(browser, small, 10), await openDeskSide(browser, large, 1000)] as const;
    for (const side of sides) await recordTicks(side.page);
    const costs: [number[], number[]] = [[], []];
    const leftOutForATick = [0, 0];
    let rounds = 0;
    for (; costs[0].length < sideArrivals && rounds < 2 * sideArrivals; rounds += 1) {
      const order = rounds % 2 === 0 ? [0, 1] : [1, 0];
      const round: (number | undefined)[] = [];
      for (const which of order) {
        const side = sides[which as 0 | 1];
        const cost = await tickFreeArrivalCpu(side.page, side.desk, side.threadTime);
        if (cost === undefined) leftOutForATick[which] = (leftOutForATick[which] ?? 0) + 1;
        round[which] = cost && cost.arrival - cost.quiet;
      }
      const [at10, at1000] = round;
      if (at10 === undefined || at1000 === undefined) continue;
      costs[0].push(at10);
      costs[1].push(at1000);
    }
    const result = compared(costs[1], costs[0]);
    return {
      method: 'side by side: desks at 10 and 1,000 open, arrivals in turn; page CPU per arrival (ms), app = 1,000, baseline = 10',
      ratioOfP50: Math.round((result.app.p50 / result.baseline.p50) * 100) / 100,
      ...result,
      rounds,
      // Starting both desks, filling them and the rounds: what the side-by-side part adds to the bench's run.
      seconds: Math.round((Date.now() - started) / 1000),
      leftOutForATick: { at10: leftOutForATick[0], at1000: leftOutForATick[1] },
      samples: { at10: costs[0].map(tenths), at1000: costs[1].map(tenths) },
    };
  } finally {
    await small.test.close();
    await large.test.close();
  }
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

async function measureAt(browser: Browser, desk: BenchDesk, baselineUrl: string, open: number, timedArrivals = arrivals) {
  const pages = {
    desk: await openDesk(browser, desk, open, 'no-preference'),
    deskReducedMotion: await openDesk(browser, desk, open, 'reduce'),
    baseline: await openBaseline(browser, baselineUrl),
  };
  const idle = await idleRounds(pages);
  await pages.deskReducedMotion.context().close();
  await pages.baseline.context().close();
  const updateToDrawnMs = await arrivalRounds(pages.desk, desk, timedArrivals);
  await pages.desk.context().close();
  return { open, idle, updateToDrawnMs };
}

test('desk: idle main-thread cost and update-to-drawn at 50 and 1,000 open requests', async ({ browser, request }) => {
  test.setTimeout(30 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const desk = await startBenchDesk(request);
  try {
    const empty = await coldLoad(browser, desk.deskUrl, '[data-screen="desk-home"]');
    const deskJs = gzipBytes(empty.scripts, path.join(repoRoot, 'dist', 'renderer'), '/desk/');

    // A small desk first: what receiving costs with 10 open, the yardstick for 1,000 (issue 13).
    await desk.send(10);
    const at10Page = await openDesk(browser, desk, 10, 'no-preference');
    const at10 = { open: 10, updateToDrawnMs: await arrivalRounds(at10Page, desk) };
    await at10Page.context().close();

    await desk.send(50 - 10 - sentPerRound);
    const at50 = await measureAt(browser, desk, served.url, 50);
    // The arrivals measured at 50 stay open: fill up to 1,000 before measuring again.
    const seeded = Date.now();
    await desk.send(1000 - 50 - sentPerRound);
    const seedSeconds = Math.round((Date.now() - seeded) / 100) / 10;
    const at1000 = await measureAt(browser, desk, served.url, 1000, drawnArrivalsAt1000);

    const sideBySide = await receivingSideBySide(browser, request);
    const receivingAt1000Vs10Sequential = compared(
      at1000.updateToDrawnMs.pageCpuMs.arrivalOnlySamples,
      at10.updateToDrawnMs.pageCpuMs.arrivalOnlySamples,
    );
    const results = {
      targets: { idleMsPerSecondAt50: 10, updateToDrawnP95MsAt1000: 50, receivingAt1000: 'no more than at 10' },
      // The target's number: measured side by side (see receivingSideBySide).
      receivingAt1000Vs10: sideBySide,
      // The earlier method, kept beside it: the 10-open and 1,000-open rounds below, minutes apart.
      receivingAt1000Vs10Sequential: {
        method: 'sequential: the 10-open round, then the 1,000-open round minutes later',
        ratioOfP50: Math.round((receivingAt1000Vs10Sequential.app.p50 / receivingAt1000Vs10Sequential.baseline.p50) * 100) / 100,
        ...receivingAt1000Vs10Sequential,
      },
      idleWindow: { seconds: idleSeconds, windows: idleWindows },
      arrivals,
      drawnArrivalsAt1000,
      initialJsGzipKB: { desk: Math.round(deskJs / 102.4) / 10, files: empty.scripts },
      at10,
      at50,
      at1000,
      seeding: { requests: 1000 - 50 - sentPerRound, seconds: seedSeconds },
      machine: machine(browser),
    };
    const file = await writeResults('desk', results);
    console.log(`desk benchmark (${file}):\n${JSON.stringify(results, null, 2)}`);
  } finally {
    await desk.test.close();
    await served.close();
  }
});
