/**
 * Where send-to-drawn goes for many arrivals, with 10 and with 1,000 open:
 * new emergencies one at a time through the real receiver, each split into
 * the core's receive, the store's write, building and emitting the change,
 * the trip to the page and the page's part (support/desk-split.ts). More
 * arrivals than the bench's 20, so a tail can be told from one slow
 * arrival. A diagnosis tool, not a benchmark:
 * `npx playwright test -c tests/bench/profile.config.ts desk-split`
 * (LOBBY_PROFILE_ARRIVALS, 100).
 */
import { loadavg } from 'node:os';
import { test } from '@playwright/test';
import { summarize } from './measure.js';
import { goTo } from './support/bounded.js';
import { startBenchDesk } from './support/bench-desk.js';
import { recordDeskSplit, sendToDrawnOf, slowestSplits, summarizeSplits, type ArrivalSplit } from './support/desk-split.js';
import { drawnAt, lastEventBefore, recordDrawnCards, recordEventArrivals } from './support/desk-timing.js';

const arrivals = Number(process.env.LOBBY_PROFILE_ARRIVALS ?? 100);
const load = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;

test('send to drawn on the desk, part by part, at 10 and at 1,000 open', async ({ browser, request }) => {
  test.setTimeout(30 * 60_000);
  const desk = await startBenchDesk(request);
  try {
    let open = 0;
    for (const size of [10, 1000]) {
      await desk.send(size - open);
      open = size;
      const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
      await recordEventArrivals(page);
      await goTo(page, desk.deskUrl, `[data-field="open-count"]:text-is("${open}")`);
      await recordDrawnCards(page);
      const loadBefore = load();
      const split = recordDeskSplit(desk.events);
      const splits: ArrivalSplit[] = [];
      for (let i = 0; i < arrivals; i += 1) {
        const sentAt = Date.now();
        const [id = ''] = await desk.send(1, { emergency: true });
        const drawn = await drawnAt(page, id);
        const eventAt = await lastEventBefore(page, drawn);
        const parts = split.split(id, { sentAt, answeredAt: desk.answeredAt.get(id) ?? Number.NaN, eventAt, drawnAt: drawn });
        if (parts) splits.push(parts);
      }
      split.stop();
      open += arrivals;
      await page.context().close();
      const result = {
        open: size,
        arrivals,
        split: splits.length,
        loadAverage1m: { before: loadBefore, after: load() },
        sendToDrawn: summarize(splits.map(sendToDrawnOf)),
        parts: summarizeSplits(splits),
        slowest: slowestSplits(splits, 5),
      };
      console.log(`\n=== ${size} open\n${JSON.stringify(result, null, 1)}`);
    }
  } finally {
    await desk.test.close();
  }
});
