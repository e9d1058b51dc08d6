/**
 * The program's CSV leaves the console as a real file download (Blob, object
 * URL, <a download>) under the app's Content-Security-Policy, and carries
 * counts only: no first name, no reference code.
 */
import { readFile } from 'node:fs/promises';
import { submitOnKiosk } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';

const t = (key: string) => translation('en', 'desk', key);

test('"Download as CSV" saves the week\'s anonymous counts as a .csv file', async ({ page, launchHost, request }) => {
  const { host } = await launchHost();
  const submitted = await submitOnKiosk(request, host.urls.kiosk ?? '', { firstName: 'Rosalind', turningIn: true });
  await page.goto(host.urls.desk ?? '');
  await expect(page.locator(`[data-request-id="${submitted.id}"]`)).toBeVisible();
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('button', { name: t('nav.reports') })
    .click();
  await expect(page.locator('[data-field="report-total"]')).toHaveText('1');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('report.download') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\n').length).toBeGreaterThan(1);
  expect(csv).not.toContain('Rosalind');
  expect(csv).not.toContain(submitted.reference);
  await expect(page.getByRole('status').filter({ hasText: t('report.downloaded') })).toBeVisible();
});
