/** Finds the same Chromium the end-to-end tests use (never downloads one); no host is needed to tile images. */
import { publishBrowser } from '../e2e/support/browser-env.js';
import { findChromium } from '../e2e/support/find-chromium.js';

export default async function browserSetup(): Promise<void> {
  const browser = await findChromium();
  console.log(`contact sheets: ${browser.description}`);
  publishBrowser(browser);
}
