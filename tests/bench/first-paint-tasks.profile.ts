/**
 * The main thread's tasks before the first contentful paint, kiosk against
 * the baseline page: a Chromium trace of cold loads, each top-level task
 * summed by what it did (evaluating a script, running a callback, style,
 * layout, paint...), from navigation to the first contentful paint, and one
 * load's tasks in order. A diagnosis tool beside first-paint.profile.ts (which
 * says which functions), not a benchmark:
 * `npx playwright test -c tests/bench/profile.config.ts first-paint-tasks` (LOBBY_PROFILE_LOADS, LOBBY_PROFILE_CPU).
 */
import { test, type Browser } from '@playwright/test';
import { startTestHost } from '../e2e/support/test-host.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { tracedColdLoad, type TraceEvent } from './support/traced-load.js';

const loads = Number(process.env.LOBBY_PROFILE_LOADS ?? 6);
const slowdown = Number(process.env.LOBBY_PROFILE_CPU ?? 4);

/** What a top-level task did, named by its longest direct child (a script's URL file name where there is one). */
function taskKind(task: TraceEvent, children: TraceEvent[]): string {
  const inside = children.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0));
  const main = inside.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (!main) return 'task';
  const url = main.args?.data?.url;
  const detail = url ? ` ${url.split('/').pop() ?? ''}` : main.args?.data?.type ? ` ${main.args.data.type}` : '';
  return `${main.name}${detail}`;
}

async function traceLoad(browser: Browser, url: string, sums: Map<string, number>, order: string[][]) {
  const traceEvents = await tracedColdLoad(browser, url, slowdown, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'loading',
    'blink.user_timing',
  ]);
  const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint');
  const start = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data && 'isLoadingMainFrame' in e.args.data);
  if (!fcp || !start) throw new Error('trace: no navigationStart or firstContentfulPaint');
  const mainThread = traceEvents.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X');
  const tasks = mainThread.filter((e) => e.name === 'RunTask' && e.ts >= start.ts && e.ts <= fcp.ts);
  const others = mainThread.filter((e) => e.name !== 'RunTask');
  const list: string[] = [];
  for (const task of tasks) {
    const ms = (task.dur ?? 0) / 1000;
    const kind = taskKind(task, others);
    sums.set(kind, (sums.get(kind) ?? 0) + ms);
    sums.set('(all tasks)', (sums.get('(all tasks)') ?? 0) + ms);
    if (ms >= 1) list.push(`${((task.ts - start.ts) / 1000).toFixed(0).padStart(6)} ms  ${ms.toFixed(1).padStart(6)} ms  ${kind}`);
  }
  sums.set('(first contentful paint at)', (sums.get('(first contentful paint at)') ?? 0) + (fcp.ts - start.ts) / 1000);
  order.push(list);
}

test('the main thread tasks before the first contentful paint: kiosk and baseline', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const host = await startTestHost();
  try {
    const pages = { kiosk: host.host.urls.kiosk ?? '', baseline: served.url };
    for (const [name, url] of Object.entries(pages)) {
      const sums = new Map<string, number>();
      const order: string[][] = [];
      for (let i = 0; i < loads; i += 1) await traceLoad(browser, url, sums, order);
      const rows = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
      console.log(
        `\n=== ${name}: ${loads} cold loads, CPU ${slowdown}x; task time from navigation to first contentful paint, mean per load\n` +
          `${rows.map(([kind, ms]) => `${(ms / loads).toFixed(1).padStart(8)} ms  ${kind}`).join('\n')}\n` +
          `--- the last load's tasks of 1 ms or more (start, length, what)\n${(order.at(-1) ?? []).join('\n')}`,
      );
    }
  } finally {
    await host.close();
    await served.close();
  }
});
