/**
 * Two or more builds of the kiosk side by side, against the baseline page:
 * cold loads in rotating order, each traced to its first contentful paint,
 * with per page the median first contentful paint, its paired ratio to the
 * baseline, and the CPU time (thread time, not wall time) spent before that
 * paint on the page's main thread, on its other threads (raster, compositor)
 * and in the other processes (the display compositor, the browser). With
 * other work on the machine wall-clock times spread widely; CPU time spreads
 * far less, so it says which build costs less even when the paint times
 * cannot. A diagnosis tool, not a benchmark:
 * `LOBBY_PROFILE_BUILDS=/tmp/a,/tmp/b npx playwright test -c tests/bench/profile.config.ts first-paint-ab`,
 * each folder a copy of a built dist/renderer (default: this tree's build
 * alone); LOBBY_PROFILE_LOADS, LOBBY_PROFILE_CPU.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type Browser } from '@playwright/test';
import { startHostFromCli } from '../../electron/browser-host/host-cli.js';
import { dataFlags, freePort, pairedConfigs, withTestPin } from '../e2e/support/test-host.js';
import { repoRoot } from '../e2e/support/paths.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { tracedColdLoad, type TraceEvent } from './support/traced-load.js';

const loads = Number(process.env.LOBBY_PROFILE_LOADS ?? 8);
const slowdown = Number(process.env.LOBBY_PROFILE_CPU ?? 1);
const builds = (process.env.LOBBY_PROFILE_BUILDS ?? path.join(repoRoot, 'dist', 'renderer')).split(',');

type Load = { fcp: number; mainCpu: number; rendererCpu: number; otherCpu: number };

/** A browser host serving `renderer` (a built dist/renderer), with the shipped resources, kiosk and desk paired. */
async function hostFor(renderer: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-paint-ab-'));
  await mkdir(path.join(dir, 'dist'));
  await symlink(path.resolve(renderer), path.join(dir, 'dist', 'renderer'));
  await symlink(path.join(repoRoot, 'resources'), path.join(dir, 'resources'));
  const data = dataFlags(dir);
  const configs = pairedConfigs(await freePort());
  const kiosk = path.join(dir, 'kiosk.json');
  const desk = path.join(dir, 'desk.json');
  await writeFile(kiosk, JSON.stringify(await withTestPin(configs.kiosk)));
  await writeFile(desk, JSON.stringify(configs.desk));
  const argv = ['--port=0', ...data.argv, `--kiosk-config=${kiosk}`, `--desk-config=${desk}`];
  const { host, cores } = await startHostFromCli({ argv, env: data.env, appRoot: dir });
  return {
    url: host.urls.kiosk ?? '',
    close: async () => {
      await Promise.all(cores.map((core) => core.close()));
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** CPU time in ms of the given complete events (a trace's `tdur`, thread time in µs). */
const cpuOf = (events: TraceEvent[]) => events.reduce((ms, e) => ms + ((e as TraceEvent & { tdur?: number }).tdur ?? 0) / 1000, 0);

async function traceLoad(browser: Browser, url: string): Promise<Load> {
  const events = await tracedColdLoad(browser, url, slowdown, [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'loading',
    'blink.user_timing',
  ]);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data && 'isLoadingMainFrame' in e.args.data);
  if (!fcp || !start) throw new Error('trace: no navigationStart or firstContentfulPaint');
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts >= start.ts && e.ts <= fcp.ts);
  const onMain = (e: TraceEvent) => e.pid === fcp.pid && e.tid === fcp.tid;
  return {
    fcp: (fcp.ts - start.ts) / 1000,
    mainCpu: cpuOf(tasks.filter(onMain)),
    rendererCpu: cpuOf(tasks.filter((e) => e.pid === fcp.pid && !onMain(e))),
    otherCpu: cpuOf(tasks.filter((e) => e.pid !== fcp.pid)),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

test('kiosk builds side by side: first contentful paint and the CPU time before it', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const hosts = await Promise.all(builds.map(hostFor));
  try {
    const pages = [...hosts.map((host, i) => ({ name: builds[i] ?? '', url: host.url })), { name: 'baseline', url: served.url }];
    const measured: Load[][] = pages.map(() => []);
    for (let round = 0; round < loads; round += 1)
      for (let k = 0; k < pages.length; k += 1) {
        // Rotate who goes first, so no page always meets a warmer (or busier) machine.
        const i = (k + round) % pages.length;
        measured[i]?.push(await traceLoad(browser, pages[i]?.url ?? ''));
      }
    const baseline = measured.at(-1) ?? [];
    const rows = pages.map(({ name }, i) => {
      const own = measured[i] ?? [];
      const of = (key: keyof Load) =>
        median(own.map((load) => load[key]))
          .toFixed(1)
          .padStart(7);
      const ratio = median(own.map((load, j) => load.fcp / (baseline[j]?.fcp ?? Number.NaN))).toFixed(2);
      return `${of('fcp')} ${ratio.padStart(6)} ${of('mainCpu')} ${of('rendererCpu')} ${of('otherCpu')}  ${name}`;
    });
    console.log(
      `\n=== ${loads} cold loads each, CPU ${slowdown}x; medians (ms): first contentful paint, paired ratio to the baseline, then CPU time before that paint\n` +
        `    fcp  ratio  main CPU  renderer's other threads  other processes\n${rows.join('\n')}`,
    );
  } finally {
    await Promise.all(hosts.map((host) => host.close()));
    await served.close();
  }
});
