import { writeFile } from 'node:fs/promises';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Keeps a screenshot of the screen the test is on: written to the test's
 * folder under test-results/e2e/ (kept for passing tests too) and attached to
 * the test for reporters that show attachments.
 */
export async function captureScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const fileName = `${name.replace(/[^\w.-]+/g, '-')}.png`;
  const body = await page.screenshot({ fullPage: true });
  await writeFile(testInfo.outputPath(fileName), body);
  await testInfo.attach(fileName, { body, contentType: 'image/png' });
}
