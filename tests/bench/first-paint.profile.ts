/**
 * Where the main thread's time goes before the first screen, kiosk against
 * the baseline page: a CPU profile (Chrome DevTools Protocol Profiler) of
 * cold loads, cut at the commit that puts the first screen into the DOM,
 * self time summed by function and by source module (through the build's
 * source maps). A diagnosis tool, not a benchmark: `npx playwright test -c tests/bench/profile.config.ts`
 * (LOBBY_PROFILE_LOADS, LOBBY_PROFILE_CPU; LOBBY_PROFILE_UNTIL=paint goes on to the first contentful paint).
 */
import path from 'node:path';
import { test, type Browser } from '@playwright/test';
import { repoRoot } from '../e2e/support/paths.js';
import { startTestHost } from '../e2e/support/test-host.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { goTo } from './support/bounded.js';
import { kioskScreen } from './support/page-timing.js';
import { originalPlace } from './support/source-place.js';

const loads = Number(process.env.LOBBY_PROFILE_LOADS ?? 6);
const slowdown = Number(process.env.LOBBY_PROFILE_CPU ?? 4);
const untilPaint = process.env.LOBBY_PROFILE_UNTIL === 'paint';
// LOBBY_PROFILE_FROM=commit: only what runs after the first screen's commit (with LOBBY_PROFILE_UNTIL=paint: up to the paint).
const fromCommit = process.env.LOBBY_PROFILE_FROM === 'commit';
const ready = '[data-screen="welcome"]';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Marks, in the profile, the moment the first screen is in the DOM (a mutation observer's callback after that commit). */
const markerScript = `(() => {
  function lobbyFirstScreenMarker() { const t = performance.now(); while (performance.now() - t < 0.5) {} }
  new MutationObserver((records, observer) => {
    if (!document.querySelector(${JSON.stringify(ready)})) return;
    observer.disconnect();
    window.lobbyFirstScreenAt = performance.now();
    lobbyFirstScreenMarker();
  }).observe(document, { subtree: true, childList: true });
})();`;

type Sums = Map<string, number>;
const add = (sums: Sums, key: string, ms: number) => sums.set(key, (sums.get(key) ?? 0) + ms);

const bucketMs = 50;

async function profileLoad(
  browser: Browser,
  url: string,
  dir: string,
  byFunction: Sums,
  byModule: Sums,
  timings: Record<string, number>[],
  timeline: string[],
  inclusive: Sums,
) {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  await page.addInitScript(markerScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (slowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  await cdp.send('Profiler.start');
  await goTo(page, url, ready);
  const marks = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (!fcp) return;
          observer.disconnect();
          const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const out: Record<string, number> = {
            fcp: fcp.startTime,
            firstScreen: (window as unknown as { lobbyFirstScreenAt: number }).lobbyFirstScreenAt,
          };
          for (const r of resources) out[`${r.initiatorType}:${new URL(r.name).pathname.split('/').pop() ?? ''}`] = r.responseEnd;
          resolve(out);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  timings.push(marks);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await context.close();

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const markerAt = profile.samples.findIndex((id) => nodes.get(id)?.callFrame.functionName === 'lobbyFirstScreenMarker');
  const commitAt = markerAt < 0 ? profile.samples.length : markerAt;
  // Sample times on the page's clock (ms from navigation), aligned on the marker.
  const at: number[] = [];
  let clock = 0;
  for (let i = 0; i < profile.samples.length; i += 1) at.push((clock += profile.timeDeltas[i] ?? 0) / 1000);
  const shift = (marks.firstScreen ?? 0) - (at[commitAt] ?? 0);
  // LOBBY_PROFILE_UNTIL=paint: on to the first contentful paint, so what runs between the commit and the paint counts too.
  const paintAt = at.findIndex((t) => t + shift >= (marks.fcp ?? Infinity));
  const end = untilPaint && paintAt >= 0 ? paintAt : commitAt;
  const buckets = new Map<number, Sums>();
  for (let i = fromCommit ? commitAt : 0; i < end; i += 1) {
    const node = nodes.get(profile.samples[i] ?? -1);
    if (!node) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url: scriptUrl, lineNumber, columnNumber } = node.callFrame;
    const place = scriptUrl ? originalPlace(dir, scriptUrl, lineNumber, columnNumber) : undefined;
    const module = place?.source ?? (scriptUrl ? new URL(scriptUrl).pathname : functionName);
    add(byModule, module, ms);
    const bucket = Math.floor(((at[i] ?? 0) + shift) / bucketMs) * bucketMs;
    if (!buckets.has(bucket)) buckets.set(bucket, new Map());
    add(buckets.get(bucket) ?? new Map(), module.replace(/^node_modules\/|^renderer\/src\//, '').replace(/\/dist\/.*|\/cjs\/.*/, ''), ms);
    add(byFunction, `${functionName || '(anonymous)'} ${place ? `${place.source}:${place.line}` : scriptUrl}`, ms);
    // Inclusive time of the app's own functions (a component's render with everything it calls), each once per sample.
    const inStack = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
      const frame = nodes.get(id)?.callFrame;
      if (!frame?.url) continue;
      const at = originalPlace(dir, frame.url, frame.lineNumber, frame.columnNumber);
      if (at && !at.source.includes('node_modules')) inStack.add(`${frame.functionName || '(anonymous)'} ${at.source}:${at.line}`);
    }
    for (const key of inStack) add(inclusive, key, ms);
  }
  if (timeline.length === 0)
    for (const [bucket, sums] of [...buckets.entries()].sort((a, b) => a[0] - b[0]))
      timeline.push(
        `${String(bucket).padStart(5)} ms: ${[...sums.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([key, ms]) => `${key} ${ms.toFixed(0)}`)
          .join(', ')}`,
      );
}

function top(sums: Sums, count: number, loadsDone: number): string {
  return [...sums.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${(ms / loadsDone).toFixed(1).padStart(7)} ms  ${key}`)
    .join('\n');
}

test('where the main thread goes before the first screen: kiosk and baseline', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const host = await startTestHost();
  try {
    const pages = {
      kiosk: { url: host.host.urls.kiosk ?? '', dir: path.join(repoRoot, 'dist', 'renderer') },
      baseline: { url: served.url, dir: path.join(repoRoot, 'test-results', 'bench', 'baseline') },
    };
    for (const [name, { url, dir }] of Object.entries(pages)) {
      const byFunction: Sums = new Map();
      const byModule: Sums = new Map();
      const timings: Record<string, number>[] = [];
      const timeline: string[] = [];
      const inclusive: Sums = new Map();
      for (let i = 0; i < loads; i += 1) await profileLoad(browser, url, dir, byFunction, byModule, timings, timeline, inclusive);
      const total = [...byModule.values()].reduce((a, b) => a + b, 0) / loads;
      const median = (key: string) => {
        const values = timings.map((t) => t[key] ?? Number.NaN).sort((a, b) => a - b);
        return Math.round(values[Math.floor(values.length / 2)] ?? Number.NaN);
      };
      const keys = [...new Set(timings.flatMap((t) => Object.keys(t)))];
      console.log(
        `\n=== ${name}: ${loads} cold loads, CPU ${slowdown}x; samples up to ${untilPaint ? 'the first contentful paint' : "the first screen's commit"}, mean per load: ${total.toFixed(1)} ms\n` +
          `timings (median ms from navigation): ${keys.map((k) => `${k}=${median(k)}`).join(', ')}\n` +
          `--- one load's timeline (${bucketMs} ms steps, page clock)\n${timeline.join('\n')}\n--- by module\n${top(byModule, 30, loads)}\n--- by function\n${top(byFunction, 45, loads)}\n` +
          `--- the page's own functions, inclusive (with all they call; clearest on a build without minifying)\n${top(inclusive, 40, loads)}`,
      );
    }
  } finally {
    await host.close();
    await served.close();
  }
});
