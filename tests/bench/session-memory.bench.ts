/**
 * DESIGN.md budget: no memory growth over thousands of session resets. One
 * session here is what a person leaves behind: start, a question answered, a
 * letter of a first name typed on the on-screen keyboard, then "Start over".
 * After a warm-up, the JavaScript heap (after a forced garbage collection)
 * and the DOM node count are read at checkpoints; growth between the first
 * and last checkpoint is the number that matters.
 */
import { test, expect, type Page } from '@playwright/test';
import { sharedUrl } from '../e2e/support/host-token.js';
import { writeResults } from './measure.js';
import { goTo } from './support/bounded.js';

const sessions = 1000;
const warmUp = 50;
const checkpointEvery = 250;

type Reading = { session: number; heapBytes: number; domNodes: number };

async function oneSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Touch here to start/ }).click();
  await page.getByRole('button', { name: /^Get help for myself/ }).click();
  await page.locator('main[data-screen="request-danger"]').waitFor();
  await page.getByRole('button', { name: /^No/ }).first().click();
  await page.locator('main[data-screen="request-name"]').waitFor();
  await page.getByRole('button', { name: 'M', exact: true }).click();
  await page.getByRole('button', { name: 'Start over', exact: true }).click();
  await page.locator('main[data-screen="welcome"]').waitFor();
}

test('memory over a thousand session resets', async ({ page }) => {
  test.setTimeout(900_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (session: number): Promise<Reading> => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { session, heapBytes: metric('JSHeapUsedSize'), domNodes: metric('Nodes') };
  };

  // The URL the shared host printed, with its run's token (traded for the page's cookie).
  await goTo(page, sharedUrl('kiosk'), 'main[data-screen="welcome"]');
  const readings: Reading[] = [];
  for (let session = 1; session <= sessions; session += 1) {
    await oneSession(page);
    if (session === warmUp || session % checkpointEvery === 0) readings.push(await read(session));
  }
  // Back on a fresh welcome screen: the last "Start over" really reset the session.
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();

  const first = readings[0]!;
  const last = readings.at(-1)!;
  const results = {
    sessions,
    readings,
    heapGrowthBytes: last.heapBytes - first.heapBytes,
    heapGrowthPerThousandSessionsKB: Math.round(((last.heapBytes - first.heapBytes) / (last.session - first.session)) * 1000) / 1024,
    domNodeGrowth: last.domNodes - first.domNodes,
  };
  const file = await writeResults('session-memory', results);
  console.log(
    `session memory: heap ${(first.heapBytes / 1e6).toFixed(2)} MB → ${(last.heapBytes / 1e6).toFixed(2)} MB over ${last.session - first.session} sessions; DOM nodes ${first.domNodes} → ${last.domNodes}. Written to ${file}`,
  );
});
