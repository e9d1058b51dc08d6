import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages } from './support/languages.js';
import { shippedConfig } from './support/test-host.js';
import { expectScreen, kioskScreens } from './support/kiosk-screens.js';
import { touchTargetProblems } from './support/kiosk-targets.js';

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

// Every kiosk screen in every language is scanned with axe and measured for touch targets in
// kiosk-layout.spec.ts, on the portrait and landscape touchscreens, during the visit that checks its layout.

test('with larger text and high contrast on, kiosk screens still pass axe and the touch-target check', async ({ page }, testInfo) => {
  await page.goto('/kiosk/');
  for (const id of ['home', 'request-name', 'not-ready']) {
    await expectScreenReady(page);
    await page.getByRole('button', { name: 'Larger text', exact: true }).click();
    await page.getByRole('button', { name: 'High contrast', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    const screen = kioskScreens.find((s) => s.id === id);
    await screen?.visit(page);
    await expectScreen(page, id);
    await captureScreen(page, testInfo, `kiosk-${id}-large-high-contrast`);
    await expectNoAxeViolations(page, `kiosk ${id} with larger text and high contrast`);
    expect(await touchTargetProblems(page), `touch targets on ${id}`).toEqual([]);
    // Start over puts the display settings back, for the next person and the next screen here.
    await page.getByRole('button', { name: 'Start over', exact: true }).click();
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'high');
  }
});

async function expectScreenReady(page: Page): Promise<void> {
  await expect(page.locator('main[data-screen="welcome"]')).toBeVisible();
}

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
  await expect(expectNoAxeViolations(page, 'welcome with an unnamed button')).rejects.toThrow(
    /button-name \(critical\) at #e2e-unnamed-button/,
  );
});

test('the touch-target check fails, naming the control, when a target is small or two touch', async ({ page }) => {
  await page.goto('/kiosk/');
  await expectScreenReady(page);
  expect(await touchTargetProblems(page), 'control: the welcome screen passes').toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector('main');
    const tiny = document.createElement('button');
    tiny.textContent = 'tiny';
    tiny.style.cssText = 'inline-size: 30px; block-size: 30px; min-inline-size: 0; min-block-size: 0; padding: 0;';
    const pair = document.createElement('div');
    pair.style.display = 'flex';
    pair.innerHTML =
      '<button style="inline-size:60px;block-size:60px">left</button><button style="inline-size:60px;block-size:60px">right</button>';
    main?.append(tiny, pair);
  });
  const problems = await touchTargetProblems(page);
  expect(problems).toContainEqual({ element: '<button> "tiny"', problem: '30×30 px' });
  expect(problems).toContainEqual({ element: '<button> "left" and <button> "right"', problem: '0.0 px apart' });
});
