/**
 * After the main thread has painted the first screen, how long until that
 * frame is on screen, and where that time goes: a Chromium trace of cold
 * loads of the kiosk, the baseline page and the kiosk's first screen drawn
 * by a plain page (baseline/same-screen), rounds rotating the order. Per
 * page, the medians of: the main thread's last paint before the first
 * contentful paint, the first contentful paint, the main thread's task time
 * up to that paint, and between the two the raster tasks (worker threads),
 * the compositor's tile preparation and the display compositor's drawing
 * (software, as in a headless browser). A diagnosis tool beside
 * first-paint-tasks.profile.ts, not a benchmark:
 * `npx playwright test -c tests/bench/profile.config.ts first-paint-frame` (LOBBY_PROFILE_LOADS, LOBBY_PROFILE_CPU).
 * "Last paint" is the last one before the first contentful paint: where the
 * main thread paints again while the first screen's frame is still being
 * drawn, it is that later paint, and paint to presented looks shorter.
 */
import { test, type Browser } from '@playwright/test';
import { startTestHost } from '../e2e/support/test-host.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { tracedColdLoad, type TraceEvent } from './support/traced-load.js';

const loads = Number(process.env.LOBBY_PROFILE_LOADS ?? 8);
const slowdown = Number(process.env.LOBBY_PROFILE_CPU ?? 1);

type Frame = { lastPaint: number; fcp: number; mainThreadTasks: number; raster: number; tiles: number; draw: number };

async function traceFrame(browser: Browser, url: string): Promise<Frame> {
  const traceEvents = await tracedColdLoad(browser, url, slowdown, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'loading',
    'blink.user_timing',
    'cc',
    'viz',
  ]);
  const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint');
  const start = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data && 'isLoadingMainFrame' in e.args.data);
  if (!fcp || !start) throw new Error('trace: no navigationStart or firstContentfulPaint');
  const mainThread = traceEvents.filter(
    (e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && e.ts >= start.ts && e.ts <= fcp.ts,
  );
  const lastPaint = mainThread.filter((e) => e.name === 'Paint').at(-1);
  if (!lastPaint) throw new Error('trace: the main thread painted nothing before the first contentful paint');
  const within = traceEvents.filter((e) => e.ph === 'X' && e.ts >= lastPaint.ts && e.ts <= fcp.ts);
  const sum = (name: string, events: TraceEvent[]) => events.filter((e) => e.name === name).reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0);
  const otherThreads = within.filter((e) => e.pid === fcp.pid && e.tid !== fcp.tid);
  return {
    lastPaint: (lastPaint.ts - start.ts) / 1000,
    fcp: (fcp.ts - start.ts) / 1000,
    mainThreadTasks: sum(
      'RunTask',
      mainThread.filter((e) => e.ts <= lastPaint.ts),
    ),
    raster: sum('RasterTask', otherThreads),
    tiles: sum('TileManager::PrepareTiles', otherThreads),
    // The display compositor runs in the GPU process.
    draw: sum('Display::DrawAndSwap', within),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

test('from the first screen painted to the first screen presented: kiosk, baseline, and the kiosk screen drawn plainly', async ({
  browser,
}) => {
  test.setTimeout(30 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const sameScreen = await serveBaseline(await buildBaseline('sameScreen'));
  const host = await startTestHost();
  try {
    const urls = { kiosk: host.host.urls.kiosk ?? '', baseline: served.url, sameScreen: sameScreen.url };
    const names = Object.keys(urls) as (keyof typeof urls)[];
    const frames: Record<keyof typeof urls, Frame[]> = { kiosk: [], baseline: [], sameScreen: [] };
    for (let i = 0; i < loads; i += 1)
      for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)])
        frames[name].push(await traceFrame(browser, urls[name]));
    const rows = names.map((name) => {
      const of = (key: keyof Frame) =>
        median(frames[name].map((frame) => frame[key]))
          .toFixed(1)
          .padStart(7);
      const presented = median(frames[name].map((frame) => frame.fcp - frame.lastPaint))
        .toFixed(1)
        .padStart(7);
      return `${name.padEnd(10)} ${of('lastPaint')} ${of('fcp')} ${presented} ${of('mainThreadTasks')} ${of('raster')} ${of('tiles')} ${of('draw')}`;
    });
    console.log(
      `\n=== ${loads} cold loads each, CPU ${slowdown}x; medians in ms from navigation, then in between\n` +
        `page       lastPaint    fcp  painted→fcp  main-thread tasks  raster  tiles  draw\n${rows.join('\n')}`,
    );
  } finally {
    await host.close();
    await served.close();
    await sameScreen.close();
  }
});
