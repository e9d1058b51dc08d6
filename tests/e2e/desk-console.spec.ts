import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { shippedConfig } from './support/test-host.js';

test('the desk console shows its place name and id from the desk config: "Front desk (D1)"', async ({ page }, testInfo) => {
  await page.goto('/desk/');
  const screen = page.locator('[data-screen="desk-home"]');
  await expect(screen).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(translation('en', 'desk', 'title'));
  await expect(screen.locator('.masthead')).toContainText('Front desk (D1)');
  await expect(screen.locator('.masthead')).toContainText("Lee's Summit Police Department");
  await expect(page.getByRole('heading', { level: 2, name: translation('en', 'desk', 'requests.heading') })).toBeVisible();
  await expect(page).toHaveTitle(`${translation('en', 'desk', 'title')} — Front desk`);
  await captureScreen(page, testInfo, 'desk-home-en');
});

test('the desk console follows its own config file, not a built-in name', async ({ page, launchHost }, testInfo) => {
  const { host } = await launchHost({
    desk: {
      ...shippedConfig('desk'),
      receiver: { ...(shippedConfig('desk').receiver as object), port: 0 },
      desk: { id: 'D7', name: 'Records window' },
    },
  });
  await page.goto(host.urls.desk ?? '');
  await expect(page.locator('[data-screen="desk-home"] .masthead')).toContainText('Records window (D7)');
  await expect(page.locator('[data-screen="desk-home"]')).not.toContainText('Front desk');
  await captureScreen(page, testInfo, 'desk-home-other-config');
});

test('a desk whose receiver listens shows no "kiosks cannot reach this desk" banner', async ({ page, launchHost }) => {
  const { host } = await launchHost();
  await page.goto(host.urls.desk ?? '');
  await expect(page.getByRole('heading', { level: 2, name: translation('en', 'desk', 'requests.heading') })).toBeVisible();
  await expect(page.getByText(translation('en', 'desk', 'requests.none'))).toBeVisible();
  await expect(page.locator('[data-alert="receiver"]')).toHaveCount(0);
});
