/**
 * Each role's page starts its own screen's code at once, preloaded by
 * index.html's role preload script, and never fetches the other role's: the
 * public kiosk does not download the desk console, nor the desk the kiosk
 * (issue 13). On the browser host the page comes with its bootstrap in it,
 * so its first screen waits on no round trip for it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';

const screens = { kiosk: /\/assets\/kiosk-app-[\w-]+\.js$/, desk: /\/assets\/desk-home-[\w-]+\.js$/ } as const;
const bootstrapCall = /\/api\/call\/app\.getBootstrap$/;

declare global {
  interface Window {
    lobbyFirstScreenAt?: number;
  }
}

type Fetched = { path: string; end: number };

/** Opens `role`'s page; returns what it fetched (as the page's resource timing saw it) and when its first screen appeared. */
async function opening(page: Page, role: 'kiosk' | 'desk'): Promise<{ fetched: Fetched[]; firstScreenAt: number }> {
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('main[data-screen]:not([aria-busy])')) return;
      observer.disconnect();
      window.lobbyFirstScreenAt = performance.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(`/${role}/`);
  await expect(page.locator('main[data-screen]:not([aria-busy])')).toBeVisible();
  return page.evaluate(() => ({
    fetched: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      path: new URL(entry.name).pathname,
      end: entry.responseEnd,
    })),
    firstScreenAt: window.lobbyFirstScreenAt ?? Number.NaN,
  }));
}

for (const [role, other] of [
  ['kiosk', 'desk'],
  ['desk', 'kiosk'],
] as const) {
  test(`the ${role} page asks for its own screen's code without waiting for the entry, and never for the ${other}'s`, async ({ page }) => {
    // The entry is held back until the role's chunk is asked for (or 10 s pass): only the role preload can ask for it then.
    let askedForOwn!: () => void;
    const ownAsked = new Promise<void>((resolve) => (askedForOwn = resolve));
    page.on('request', (request) => {
      if (screens[role].test(new URL(request.url()).pathname)) askedForOwn();
    });
    let askedWhileEntryHeld = false;
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      askedWhileEntryHeld = await Promise.race([ownAsked.then(() => true), delay(10_000).then(() => false)]);
      await route.continue();
    });
    const { fetched } = await opening(page, role);
    expect(askedWhileEntryHeld, `the ${role} screen's chunk was asked for while the entry was held back (preloaded)`).toBe(true);
    expect(
      fetched.filter((entry) => screens[role].test(entry.path)),
      `the ${role} screen's chunk was fetched once`,
    ).toHaveLength(1);
    expect(
      fetched.filter((entry) => screens[other].test(entry.path)),
      `the ${role} page fetched the ${other}'s chunk`,
    ).toEqual([]);
  });

  test(`the ${role} page comes with its bootstrap and draws its first screen before any bootstrap call is answered`, async ({ page }) => {
    const { fetched, firstScreenAt } = await opening(page, role);
    const embedded = JSON.parse((await page.locator('#lobby-bootstrap').textContent()) ?? '') as { state: string; role: string };
    expect(embedded).toMatchObject({ state: 'ready', role });
    // The only call is the one the page makes once it listens for changes, to catch one made in between.
    const answered = fetched.filter((entry) => bootstrapCall.test(entry.path)).map((entry) => entry.end);
    expect(firstScreenAt).toBeLessThan(Math.min(...answered, Number.POSITIVE_INFINITY));
  });
}
