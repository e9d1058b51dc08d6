/**
 * Where one new request's time goes, with 10 and with 1,000 open: CPU
 * profiles of the desk page (Chrome DevTools Protocol) and of the desk core
 * (the host runs in this process: node:inspector) while emergencies arrive one
 * at a time through the real receiver, self time per arrival by function. What
 * grows from 10 to 1,000 is what does not scale with the change. A diagnosis
 * tool, not a benchmark: `npx playwright test -c tests/bench/profile.config.ts desk-arrival`
 * (LOBBY_PROFILE_ARRIVALS, 10).
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { test, type Page } from '@playwright/test';
import { repoRoot } from '../e2e/support/paths.js';
import { goTo } from './support/bounded.js';
import { startBenchDesk } from './support/bench-desk.js';
import { drawnAt, recordDrawnCards } from './support/desk-timing.js';
import { originalPlace } from './support/source-place.js';

const arrivals = Number(process.env.LOBBY_PROFILE_ARRIVALS ?? 10);
const pageDir = path.join(repoRoot, 'dist', 'renderer');

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Self time by function, in ms per arrival, leaving out idle time. */
function selfTimes(profile: Profile, place: (frame: ProfileNode['callFrame']) => string): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const sums = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const frame = nodes.get(profile.samples[i] ?? -1)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    const key = `${frame.functionName || '(anonymous)'} ${place(frame)}`;
    sums.set(key, (sums.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000 / arrivals);
  }
  return sums;
}

const pagePlace = (frame: ProfileNode['callFrame']) => {
  if (!frame.url) return '';
  const at = originalPlace(pageDir, frame.url, frame.lineNumber, frame.columnNumber);
  return at ? `${at.source}:${at.line}` : new URL(frame.url).pathname;
};
const corePlace = (frame: ProfileNode['callFrame']) =>
  frame.url ? `${frame.url.replace(/^.*\/(node_modules|dist-electron)\//, '$1/')}:${frame.lineNumber + 1}` : '';

function report(name: string, sums: Map<string, number>): string {
  const total = [...sums.values()].reduce((a, b) => a + b, 0);
  const rows = [...sums.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  return `--- ${name}: ${total.toFixed(2)} ms per arrival (self time, idle left out)\n${rows
    .map(([key, ms]) => `${ms.toFixed(2).padStart(7)} ms  ${key}`)
    .join('\n')}`;
}

async function profileArrivals(page: Page, send: () => Promise<string>, core: Session) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await core.post('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await core.post('Profiler.start');
  const started = Date.now();
  for (let i = 0; i < arrivals; i += 1) await drawnAt(page, await send());
  const seconds = (Date.now() - started) / 1000;
  const { profile: coreProfile } = (await core.post('Profiler.stop')) as unknown as { profile: Profile };
  const { profile: pageProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return { seconds, page: selfTimes(pageProfile, pagePlace), core: selfTimes(coreProfile, corePlace) };
}

test('where a new request goes on the desk, page and core, at 10 and at 1,000 open', async ({ browser, request }) => {
  test.setTimeout(30 * 60_000);
  const desk = await startBenchDesk(request);
  const core = new Session();
  core.connect();
  await core.post('Profiler.enable');
  try {
    let open = 0;
    for (const size of [10, 1000]) {
      await desk.send(size - open);
      open = size;
      const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
      await goTo(page, desk.deskUrl, `[data-field="open-count"]:text-is("${open}")`);
      await recordDrawnCards(page);
      const sendOne = async () => (await desk.send(1, { emergency: true }))[0] ?? '';
      const measured = await profileArrivals(page, sendOne, core);
      open += arrivals;
      await page.context().close();
      console.log(
        `\n=== ${size} open: ${arrivals} emergencies, one at a time (${measured.seconds.toFixed(1)} s)\n` +
          `${report('desk page', measured.page)}\n${report('desk core (this process: host, receiver, core)', measured.core)}`,
      );
    }
  } finally {
    core.disconnect();
    await desk.test.close();
  }
});
