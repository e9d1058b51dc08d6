/**
 * Which pointer and mouse events reach a page around its first contentful
 * paint in the bench's cold loads (a fresh context each, as coldLoad opens
 * them), kiosk against both baseline pages: each event's type, whether the
 * browser made it (isTrusted), its pointer type, where, on what, and when.
 * A diagnosis tool, not a benchmark:
 * `npx playwright test -c tests/bench/profile.config.ts first-paint-hover`
 * (LOBBY_PROFILE_LOADS; LOBBY_PROFILE_POINTER_AT=-1 first moves Playwright's
 * mouse to (-1, -1), to see whether its pointer is the one the page hears).
 *
 * What it showed (session 9, docs/benchmarks.md): every page, the baseline
 * too, gets trusted mouse and pointer events at (0, 0) from the headless
 * browser itself: one as the page first lays out, and one more when the
 * first screen's content appears under that point. Moving Playwright's mouse
 * away first changes nothing.
 */
import { test, type Browser } from '@playwright/test';
import { startTestHost } from '../e2e/support/test-host.js';
import { buildBaseline, serveBaseline } from './support/baseline-page.js';
import { kioskScreen } from './support/page-timing.js';
import { tokenParam } from '../../electron/browser-host/run-token.js';

const loads = Number(process.env.LOBBY_PROFILE_LOADS ?? 3);

const listener = `(() => {
  const seen = [];
  window.lobbyPointerEvents = seen;
  for (const type of ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'mousedown'])
    window.addEventListener(type, (e) => {
      const t = e.target;
      seen.push(type + ' trusted=' + e.isTrusted + ' pointer=' + (e.pointerType ?? '-') + ' at=' + e.clientX + ',' + e.clientY +
        ' on=' + (t && t.nodeName ? t.nodeName.toLowerCase() + (t.id ? '#' + t.id : '') + (t.className ? '.' + String(t.className).split(' ')[0] : '') : '?') +
        ' t=' + e.timeStamp.toFixed(0));
    }, { capture: true });
})();`;

async function events(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  await page.addInitScript(listener);
  const target = new URL(url);
  if (target.searchParams.has(tokenParam)) {
    await context.request.get(url, { maxRedirects: 0 });
    target.searchParams.delete(tokenParam);
  }
  const away = process.env.LOBBY_PROFILE_POINTER_AT;
  if (away !== undefined) await page.mouse.move(Number(away), Number(away));
  await page.goto(target.href, { waitUntil: 'commit' });
  const seen = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        new PerformanceObserver((list, observer) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (!fcp) return;
          observer.disconnect();
          // A moment after the paint too: a move the browser sends after layout may land just after it.
          setTimeout(
            () =>
              resolve([
                `fcp at ${fcp.startTime.toFixed(0)}`,
                ...((window as unknown as { lobbyPointerEvents: string[] }).lobbyPointerEvents ?? []),
              ]),
            200,
          );
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await context.close();
  return seen;
}

test('pointer and mouse events before the first paint: kiosk and baseline pages', async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  const served = await serveBaseline(await buildBaseline());
  const same = await serveBaseline(await buildBaseline('sameScreen'));
  const host = await startTestHost();
  try {
    const pages = { kiosk: host.host.urls.kiosk ?? '', baseline: served.url, sameScreen: same.url };
    for (const [name, url] of Object.entries(pages))
      for (let i = 0; i < loads; i += 1) console.log(`\n=== ${name} load ${i + 1}\n${(await events(browser, url)).join('\n')}`);
  } finally {
    await host.close();
    await served.close();
    await same.close();
  }
});
