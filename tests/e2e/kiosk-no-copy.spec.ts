import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';

/** Selects the page's first heading and presses Ctrl+C; answers whether the page let the copy through. */
async function copyHeading(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const heading = document.querySelector('h1');
    if (!heading) throw new Error('no heading');
    const range = document.createRange();
    range.selectNodeContents(heading);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    // Last in line (window, bubbling): sees whether any listener before it refused the copy.
    window.addEventListener('copy', (event) => ((window as unknown as { copied: boolean }).copied = !event.defaultPrevented), {
      once: true,
    });
  });
  await page.keyboard.press('Control+C');
  return page.evaluate(() => (window as unknown as { copied?: boolean }).copied ?? false);
}

test('on the kiosk, Ctrl+C on selected text copies nothing; on the desk it copies', async ({ page }) => {
  await page.goto('/kiosk/');
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
  expect(await copyHeading(page), 'kiosk').toBe(false);
  await page.goto('/desk/');
  await expect(page.locator('h1').first()).toBeVisible();
  expect(await copyHeading(page), 'desk').toBe(true);
});
