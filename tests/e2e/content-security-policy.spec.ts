import type { Response } from '@playwright/test';
import { contentSecurityPolicy } from '../../shared/csp.js';
import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages } from './support/languages.js';
import { watchPageProblems } from './support/page-problems.js';

const roles = ['kiosk', 'desk'] as const;

test('every page and asset of both UIs is served with the Content-Security-Policy header', async ({ page }) => {
  const served: Response[] = [];
  page.on('response', (response) => {
    if (['document', 'script', 'stylesheet', 'image', 'font'].includes(response.request().resourceType())) served.push(response);
  });
  for (const role of roles) {
    const document = await page.goto(`/${role}/`);
    expect(document?.status(), `/${role}/`).toBe(200);
    await expect(page.locator('main[data-screen]:not([aria-busy])')).toBeVisible();
  }
  const kinds = new Set(served.map((r) => r.request().resourceType()));
  expect([...kinds].sort(), 'the pages load their own scripts and styles').toEqual(
    expect.arrayContaining(['document', 'script', 'stylesheet']),
  );
  for (const response of served) {
    const headers = await response.allHeaders();
    expect(headers['content-security-policy'], response.url()).toBe(contentSecurityPolicy);
    expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
  }
});

test('both UIs run in every language without a CSP violation, console error or uncaught exception', async ({ page, origin, request }) => {
  const problems = await watchPageProblems(page);
  for (const role of roles) {
    await page.goto(`/${role}/`);
    await expect(page.locator('main[data-screen]:not([aria-busy])')).toBeVisible();
    for (const language of [...(await offeredLanguages(request, `${origin}/${role}/`))].reverse()) {
      await chooseLanguage(page, language);
    }
  }
  expect(problems.cspViolations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('CSP is live: an inline script injected into the kiosk page is blocked and reported', async ({ page }) => {
  const problems = await watchPageProblems(page);
  await page.goto('/kiosk/');
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  expect(problems.cspViolations, 'no violation before the injection').toEqual([]);

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true;';
    document.head.append(script);
  });

  // The violation event is what shows the browser applied the policy to this script.
  await expect.poll(() => problems.cspViolations.map((v) => v.directive)).toContain('script-src-elem');
  const ran = await page.evaluate(() => (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan);
  expect(ran, 'the inline script must not have run').toBeUndefined();
  expect(problems.cspViolations[0]?.blockedURI).toBe('inline');
});

test('the header policy is the one enforced: another page cannot frame the kiosk (frame-ancestors works only as a header)', async ({
  page,
  origin,
}) => {
  const problems = await watchPageProblems(page);
  await page.setContent(`<iframe title="framed kiosk" src="${origin}/kiosk/"></iframe>`);
  await expect.poll(() => problems.consoleErrors.join('\n')).toContain("frame-ancestors 'none'");
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed, 'the iframe exists').toBeDefined();
  await expect(page.frameLocator('iframe').locator('[data-screen]')).toHaveCount(0);
});

test('the page declares its icon, so the browser logs no 404 for /favicon.ico', async ({ page, request }) => {
  await page.goto('/kiosk/');
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  const declaresIcon = (await page.locator('link[rel~="icon"]').count()) > 0;
  const rootIcon = await request.get('/favicon.ico');
  expect(declaresIcon || rootIcon.ok(), 'an icon is declared in the page or served at /favicon.ico').toBe(true);
});
