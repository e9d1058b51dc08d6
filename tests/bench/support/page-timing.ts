/**
 * What the benchmarks read inside a page: paint timing, the scripts a page
 * loads before its first screen, and a touch's latency from the real input
 * event to the frame after the screen changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { goTo, within } from './bounded.js';

/** The kiosk's portrait touchscreen. */
export const kioskScreen: BrowserContextOptions = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

export type Load = { fcp: number; scripts: string[] };

/**
 * Opens `url` in a fresh context (cold cache), optionally with the CPU slowed
 * down `cpuSlowdown` times, waits for `ready`, and reads the browser's own
 * first-contentful-paint entry and the script files the page loaded.
 */
export async function coldLoad(browser: Browser, url: string, ready: string, cpuSlowdown = 1): Promise<Load> {
  const context = await browser.newContext(kioskScreen);
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
  });
  if (cpuSlowdown !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  await goTo(page, url, ready);
  // Paint entries are recorded once the frame is presented: wait for the entry rather than read too early.
  const fcp = await within(
    `the first-contentful-paint entry of ${new URL(url).pathname}`,
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) {
              observer.disconnect();
              resolve(entry.startTime);
            }
          }).observe({ type: 'paint', buffered: true });
        }),
    ),
  );
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
