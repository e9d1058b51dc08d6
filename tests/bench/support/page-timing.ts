/**
 * What the benchmarks read inside a page: paint timing, the scripts a page
 * loads before its first screen, and a touch's latency from the real input
 * event to the frame after the screen changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { tokenParam } from '../../../electron/browser-host/run-token.js';
import { waitLimitMs, within } from './bounded.js';

/** The kiosk's portrait touchscreen. */
export const kioskScreen: BrowserContextOptions = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

export type Load = { fcp: number; scripts: string[] };

/** Resolves in the page with the browser's own first-contentful-paint time, once that paint has been presented. */
export const firstContentfulPaint = `new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) {
      observer.disconnect();
      resolve(entry.startTime);
    }
  }).observe({ type: 'paint', buffered: true });
})`;

/**
 * Opens `url` in a fresh context (cold cache), optionally with the CPU slowed
 * down `cpuSlowdown` times, and reads the browser's own first-contentful-paint
 * entry and the script files the page loaded, then checks that the page shows
 * `ready`, on the page's own address (a host's sign-in token traded for its
 * cookie first, see below). Until that paint nothing of the harness runs in the page but one
 * small observer (evaluated over the DevTools protocol once the page commits):
 * waiting for `ready` with a locator injects Playwright's own script (tens of
 * milliseconds of main-thread work, several times that with the CPU slowed),
 * and it would land before the first paint of any page that paints after its
 * load event (the kiosk, which asks for its bootstrap first) but after that of
 * a page that paints sooner, charging one page for the harness's work.
 */
export async function coldLoad(browser: Browser, url: string, ready: string, cpuSlowdown = 1): Promise<Load> {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  const cdp = await context.newCDPSession(page);
  if (cpuSlowdown !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  const target = new URL(url);
  const where = target.pathname;
  if (target.searchParams.has(tokenParam)) {
    // The browser host trades a printed address's token for a cookie, with a redirect (electron/browser-host/run-token.ts):
    // a step of signing in to the host, which an Electron window never takes, not of loading the page. Traded outside the
    // page (the context's own request client shares its cookies, not the browser's cache), so the load stays cold.
    await within(`signing in to the host of ${where}`, context.request.get(url, { maxRedirects: 0 }));
    target.searchParams.delete(tokenParam);
  }
  const response = await within(`loading ${where}`, page.goto(target.href, { waitUntil: 'commit' }));
  if (response && !response.ok()) throw new Error(`benchmark: ${where} answered ${response.status()}`);
  // Paint entries are recorded once the frame is presented: wait for the entry rather than read too early.
  const painted = await within(
    `the first-contentful-paint entry of ${where}`,
    cdp.send('Runtime.evaluate', { expression: firstContentfulPaint, awaitPromise: true, returnByValue: true }),
  );
  const fcp = Number(painted.result.value);
  if (!Number.isFinite(fcp)) throw new Error(`benchmark: ${where} gave no first-contentful-paint time`);
  await within(`the page at ${where} showing ${ready}`, page.locator(ready).waitFor({ timeout: waitLimitMs }));
  await context.close();
  return { fcp, scripts };
}

/** The gzip size of scripts loaded at start, read from the built files under `dir` (the URL path after `mount`). */
export function gzipBytes(scripts: readonly string[], dir: string, mount: string): number {
  return scripts.reduce((sum, url) => {
    const file = path.join(dir, url.slice(url.indexOf(mount) + mount.length));
    return sum + gzipSync(readFileSync(file), { level: 9 }).length;
  }, 0);
}

declare global {
  interface Window {
    lobbyBenchTaps?: number[];
    lobbyBenchOnTap?: () => void;
  }
}

/**
 * Installs the tap recorder: from a touch's `pointerup` (its event time, so
 * time spent waiting for the main thread counts) until the frame after the
 * heading or the screen changed (the next animation frame, then the task after
 * it, when that frame has been produced).
 */
export async function recordTaps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const taps: number[] = [];
    window.lobbyBenchTaps = taps;
    const look = () =>
      `${document.querySelector('main[data-screen]')?.getAttribute('data-screen') ?? ''}|${document.querySelector('h1')?.textContent ?? ''}`;
    document.addEventListener(
      'pointerup',
      (event) => {
        const start = event.timeStamp;
        const before = look();
        const observer = new MutationObserver(() => {
          if (look() === before) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              taps.push(performance.now() - start);
              window.lobbyBenchOnTap?.();
            }, 0),
          );
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      },
      { capture: true },
    );
  });
}

/** Taps the button named `name` with a real touch and returns that tap's latency in ms. */
export async function tap(page: Page, name: string): Promise<number> {
  const count = await page.evaluate(() => window.lobbyBenchTaps?.length ?? 0);
  const box = await page.getByRole('button', { name, exact: true }).first().boundingBox();
  if (!box) throw new Error(`no button "${name}" to tap`);
  const answered = page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const check = () => {
          const taps = window.lobbyBenchTaps ?? [];
          if (taps.length > n) resolve(taps[n] ?? Number.NaN);
          else window.lobbyBenchOnTap = check;
        };
        check();
      }),
    count,
  );
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  return within(`the screen changing after a touch on "${name}"`, answered);
}
