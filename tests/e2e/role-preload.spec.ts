/**
 * Each role's page starts its own screen's code at once, before the
 * bootstrap round trip, and never fetches the other role's: the public kiosk
 * does not download the desk console, nor the desk the kiosk (issue 13).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';

const screens = { kiosk: /^asked .*\/assets\/kiosk-app-[\w-]+\.js$/, desk: /^asked .*\/assets\/desk-home-[\w-]+\.js$/ } as const;
const bootstrapAnswer = /^answered .*\/api\/call\/app\.getBootstrap$/;

/** What the page asked for ("asked <path>") and had answered ("answered <path>") while `role`'s page opened, in order. */
async function requestsOpening(page: Page, role: 'kiosk' | 'desk'): Promise<string[]> {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(`asked ${new URL(request.url()).pathname}`));
  page.on('response', (response) => urls.push(`answered ${new URL(response.url()).pathname}`));
  await page.goto(`/${role}/`);
  await expect(page.locator('main[data-screen]:not([aria-busy])')).toBeVisible();
  return urls;
}

for (const [role, other] of [
  ['kiosk', 'desk'],
  ['desk', 'kiosk'],
] as const) {
  test(`the ${role} page asks for its own screen's code before the bootstrap answers, and never for the ${other}'s`, async ({ page }) => {
    const urls = await requestsOpening(page, role);
    const own = urls.findIndex((url) => screens[role].test(url));
    const bootstrap = urls.findIndex((url) => bootstrapAnswer.test(url));
    expect(own, `the ${role} screen's chunk was fetched`).toBeGreaterThanOrEqual(0);
    expect(bootstrap, 'the bootstrap call was answered').toBeGreaterThanOrEqual(0);
    // Without the preload, the chunk is asked for only once the bootstrap's answer names the role.
    expect(own, `the ${role} screen's chunk is asked for before the bootstrap answers (preloaded)`).toBeLessThan(bootstrap);
    expect(
      urls.filter((url) => screens[other].test(url)),
      `the ${role} page fetched the ${other}'s chunk`,
    ).toEqual([]);
  });
}
