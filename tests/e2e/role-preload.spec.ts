/**
 * Each role's page starts its own screen's code at once, before the
 * bootstrap round trip, and never fetches the other role's: the public kiosk
 * does not download the desk console, nor the desk the kiosk (issue 13).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';

const screens = { kiosk: /\/assets\/kiosk-app-[\w-]+\.js$/, desk: /\/assets\/desk-home-[\w-]+\.js$/ } as const;
const bootstrapCall = /\/api\/call\/app\.getBootstrap$/;

/** Every URL the page asks for while it opens `role`'s page and shows its first screen, in the order asked. */
async function requestsOpening(page: Page, role: 'kiosk' | 'desk'): Promise<string[]> {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  await page.goto(`/${role}/`);
  await expect(page.locator('main[data-screen]:not([aria-busy])')).toBeVisible();
  return urls;
}

for (const [role, other] of [
  ['kiosk', 'desk'],
  ['desk', 'kiosk'],
] as const) {
  test(`the ${role} page asks for its own screen's code before the bootstrap and never for the ${other}'s`, async ({ page }) => {
    const urls = await requestsOpening(page, role);
    const own = urls.findIndex((url) => screens[role].test(url));
    const bootstrap = urls.findIndex((url) => bootstrapCall.test(url));
    expect(own, `the ${role} screen's chunk was fetched`).toBeGreaterThanOrEqual(0);
    expect(bootstrap, 'the page asked for its bootstrap').toBeGreaterThanOrEqual(0);
    expect(own, `the ${role} screen's chunk is asked for before the bootstrap (preloaded, not found after it)`).toBeLessThan(bootstrap);
    expect(
      urls.filter((url) => screens[other].test(url)),
      `the ${role} page fetched the ${other}'s chunk`,
    ).toEqual([]);
  });
}
