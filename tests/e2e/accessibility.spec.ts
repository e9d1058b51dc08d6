import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages } from './support/languages.js';
import { shippedConfig } from './support/test-host.js';

/** Opens a screen and scans it with axe-core in every language the core offers for it. */
async function scanInEveryLanguage(
  page: Page,
  request: APIRequestContext,
  testInfo: TestInfo,
  roleUrl: string,
  screen: string,
): Promise<void> {
  const languages = await offeredLanguages(request, roleUrl);
  expect(languages.length, 'the core offers languages').toBeGreaterThan(0);
  await page.goto(roleUrl);
  await expect(page.locator(`[data-screen="${screen}"]`)).toBeVisible();
  for (const language of languages) {
    await test.step(`${screen} in ${language.nativeName}`, async () => {
      if (languages.length > 1) await chooseLanguage(page, language);
      await captureScreen(page, testInfo, `axe-${screen}-${language.code}`);
      await expectNoAxeViolations(page, `${screen} in ${language.nativeName} (${language.code})`);
    });
  }
}

test('the kiosk welcome screen has no WCAG 2.2 AA violations in any language', async ({ page, request, origin }, testInfo) => {
  await scanInEveryLanguage(page, request, testInfo, `${origin}/kiosk/`, 'welcome');
});

test('the desk console has no WCAG 2.2 AA violations in any language', async ({ page, request, origin }, testInfo) => {
  await scanInEveryLanguage(page, request, testInfo, `${origin}/desk/`, 'desk-home');
});

test('the out-of-service screen has no WCAG 2.2 AA violations in any language', async ({ page, request, launchHost }, testInfo) => {
  const kiosk = shippedConfig('kiosk');
  const { host } = await launchHost({ kiosk: { ...kiosk, kiosk: { id: 'lobby one', location: 'Lobby kiosk 1' } } });
  await scanInEveryLanguage(page, request, testInfo, host.urls.kiosk ?? '', 'out-of-service');
});

test('the axe check fails, naming the rule and the element, when a screen has a violation', async ({ page }) => {
  await page.goto('/kiosk/');
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  await page.evaluate(() => {
    const unnamed = document.createElement('button');
    unnamed.id = 'e2e-unnamed-button';
    document.querySelector('main')?.append(unnamed);
  });
  await expect(expectNoAxeViolations(page, 'welcome with an unnamed button')).rejects.toThrow(/button-name \(critical\) at #e2e-unnamed-button/);
});
