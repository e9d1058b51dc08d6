/**
 * Where send-to-drawn goes for many arrivals, with 10 and with 1,000 open:
 * two desks of the bench's own side by side, one filled to 10 and one to
 * 1,000, each with its console open, and new emergencies sent to them in
 * turn (one at a time through the real receiver), so both meet the same
 * load on a shared machine. Each arrival is split into the core's receive,
 * the store's write, building and emitting the change, the trip to the page
 * and the page's part (support/desk-split.ts), and the page's main-thread
 * CPU time from the send to the card drawn is read beside it (a clock tick
 * falls in about one arrival in twenty; the median does not see it). More
 * arrivals than the bench's 20, so a tail can be told from one slow arrival.
 * The arrivals stay open: the desks end at 10 and 1,000 plus the arrivals.
 * A diagnosis tool, not a benchmark:
 * `npx playwright test -c tests/bench/profile.config.ts desk-split`
 * (LOBBY_PROFILE_ARRIVALS, 100 to each desk).
 */
import { loadavg } from 'node:os';
import { test, type Browser } from '@playwright/test';
import { compared, summarize } from './measure.js';
import { startBenchDesk, type BenchDesk } from './support/bench-desk.js';
import { recordDeskSplit, sendToDrawnOf, slowestSplits, summarizeSplits, type ArrivalSplit } from './support/desk-split.js';
import { openDeskSide, type DeskSide } from './support/desk-side.js';
import { drawnAt, lastEventBefore } from './support/desk-timing.js';

const arrivals = Number(process.env.LOBBY_PROFILE_ARRIVALS ?? 100);
const load = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;

/** Chromium's main-thread durations (CDP Performance metrics, seconds so far): where the page's CPU goes. */
const renderingMetrics = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'] as const;
type RenderingMetric = (typeof renderingMetrics)[number];

type Side = DeskSide & {
  splits: ArrivalSplit[];
  cpuMs: number[];
  metrics: () => Promise<Record<RenderingMetric, number>>;
  metricMs: Record<RenderingMetric, number[]>;
};

async function side(browser: Browser, desk: BenchDesk, open: number): Promise<Side> {
  const opened = await openDeskSide(browser, desk, open);
  const cdp = await opened.page.context().newCDPSession(opened.page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics: all } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(renderingMetrics.map((name) => [name, all.find((m) => m.name === name)?.value ?? NaN])) as Record<
      RenderingMetric,
      number
    >;
  };
  const metricMs = Object.fromEntries(renderingMetrics.map((name) => [name, [] as number[]])) as Record<RenderingMetric, number[]>;
  return { ...opened, splits: [], cpuMs: [], metrics, metricMs };
}

async function arrive(at: Side): Promise<void> {
  const split = recordDeskSplit(at.desk.events);
  try {
    const metricsBefore = await at.metrics();
    const cpuBefore = await at.threadTime();
    const sentAt = Date.now();
    const [id = ''] = await at.desk.send(1, { emergency: true });
    const drawn = await drawnAt(at.page, id);
    at.cpuMs.push(((await at.threadTime()) - cpuBefore) * 1000);
    const metricsAfter = await at.metrics();
    for (const name of renderingMetrics) at.metricMs[name].push((metricsAfter[name] - metricsBefore[name]) * 1000);
    const eventAt = await lastEventBefore(at.page, drawn);
    const parts = split.split(id, { sentAt, answeredAt: at.desk.answeredAt.get(id) ?? Number.NaN, eventAt, drawnAt: drawn });
    if (parts) at.splits.push(parts);
  } finally {
    split.stop();
  }
}

const report = (at: Side) => ({
  open: at.open,
  sendToDrawn: summarize(at.splits.map(sendToDrawnOf)),
  pageCpuMsSendToDrawn: summarize(at.cpuMs),
  // Send to drawn, by Chromium's own accounting (ms): scripts, style, layout, and all tasks' wall time.
  pageMetricsMs: Object.fromEntries(renderingMetrics.map((name) => [name, summarize(at.metricMs[name])])),
  parts: summarizeSplits(at.splits),
  slowest: slowestSplits(at.splits, 5),
});

test('send to drawn on the desk, part by part, at 10 and at 1,000 open, in turn', async ({ browser, request }) => {
  test.setTimeout(30 * 60_000);
  const small = await startBenchDesk(request);
  const large = await startBenchDesk(request);
  try {
    const sides = [await side(browser, small, 10), await side(browser, large, 1000)];
    const loadBefore = load();
    for (let i = 0; i < arrivals; i += 1) for (const at of i % 2 === 0 ? sides : [...sides].reverse()) await arrive(at);
    const [at10, at1000] = sides as [Side, Side];
    const result = {
      arrivals,
      loadAverage1m: { before: loadBefore, after: load() },
      pageCpuAt1000Vs10: compared(at1000.cpuMs, at10.cpuMs),
      sendToDrawnAt1000Vs10: compared(at1000.splits.map(sendToDrawnOf), at10.splits.map(sendToDrawnOf)),
      at10: report(at10),
      at1000: report(at1000),
    };
    console.log(`\n${JSON.stringify(result, null, 1)}`);
  } finally {
    await small.test.close();
    await large.test.close();
  }
});
