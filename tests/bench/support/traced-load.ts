/** A cold load of a page traced from navigation to its first contentful paint, for the diagnosis profiles. */
import type { Browser } from '@playwright/test';
import { tokenParam } from '../../../electron/browser-host/run-token.js';
import { firstContentfulPaint, kioskScreen } from './page-timing.js';

export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; type?: string; frame?: string } };
};

/**
 * Opens `url` in a fresh context at the kiosk's screen size (CPU slowed
 * `slowdown` times), traces it with `categories` until the browser reports
 * its first contentful paint, and returns the trace's events. Nothing of
 * Playwright's runs in the page before that paint (a locator would inject
 * its script): commit, then a paint observer over the DevTools protocol, as
 * coldLoad does.
 */
export async function tracedColdLoad(browser: Browser, url: string, slowdown: number, categories: string[]): Promise<TraceEvent[]> {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (slowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const target = new URL(url);
  if (target.searchParams.has(tokenParam)) {
    // As coldLoad does: the host's sign-in redirect is not part of the page's load.
    await context.request.get(url, { maxRedirects: 0 });
    target.searchParams.delete(tokenParam);
  }
  await browser.startTracing(page, { categories });
  await page.goto(target.href, { waitUntil: 'commit' });
  await cdp.send('Runtime.evaluate', { expression: firstContentfulPaint, awaitPromise: true });
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await context.close();
  return traceEvents;
}
