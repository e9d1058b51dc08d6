/**
 * Read aloud in a real browser, through the kiosk's own tool bar: the speech engine's voices are stand-ins where the
 * test browser has none (support/speech-voices.ts), and what the page asks it to say is read back from them.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { expectScreen, switchLanguage } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { offeredLanguages } from './support/languages.js';
import { giveVoicesWhereNone, kioskVoiceTags, type SpokenLine } from './support/speech-voices.js';

const spoken = (page: Page) => page.evaluate(() => window.standInSpeech?.spoken ?? []);
const button = (page: Page, language: string, key: string) =>
  page.getByRole('button', { name: kioskText(language, key, {}, 'controls'), exact: true });

test('one volume button steps the reading louder, the level stays from screen to screen and in another language, and Start over puts it back to medium', async ({
  page,
  request,
  origin,
}) => {
  await giveVoicesWhereNone(page, kioskVoiceTags);
  await page.goto('/kiosk/');
  await expectScreen(page, 'welcome');
  await button(page, 'en', 'readAloud.volume.medium').click();
  await expect(button(page, 'en', 'readAloud.volume.loud')).toBeVisible();

  await button(page, 'en', 'readAloud.start').click();
  await expect(button(page, 'en', 'readAloud.stop')).toBeVisible();
  const read: SpokenLine[] = await spoken(page);
  expect(read.map((line) => line.text)).toContain(kioskText('en', 'welcome.title'));
  expect(read.every((line) => line.volume === 1 && line.lang === 'en-US')).toBe(true);
  // The tools are not part of what is read.
  expect(read.map((line) => line.text).join('\n')).not.toContain(kioskText('en', 'readAloud.start', {}, 'controls'));

  // A new screen stops the reading; the level stays.
  await page.getByRole('button', { name: kioskText('en', 'welcome.start'), exact: true }).click();
  await expectScreen(page, 'home');
  await expect(button(page, 'en', 'readAloud.start')).toBeVisible();
  await expect(button(page, 'en', 'readAloud.volume.loud')).toBeVisible();

  const languages = await offeredLanguages(request, `${origin}/kiosk/`);
  const arabic = languages.find((language) => language.code === 'ar');
  if (!arabic) throw new Error('the shipped kiosk offers Arabic');
  await switchLanguage(page, 'en', arabic);
  const volume = button(page, 'ar', 'readAloud.volume.loud');
  await expect(volume).toBeVisible();
  // Its bars rise in the reading direction: mirrored, right to left.
  expect(await volume.locator('svg').evaluate((bars) => getComputedStyle(bars).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  await volume.click();
  await button(page, 'ar', 'readAloud.start').click();
  const last = (await spoken(page)).at(-1);
  expect(last?.lang).toBe('ar-SA');
  // The utterance's volume is a single-precision float: 0.4 comes back as 0.4000000059604645.
  expect(last?.volume).toBeCloseTo(0.4, 5);

  await page.getByRole('button', { name: kioskText('ar', 'frame.startOver'), exact: true }).click();
  await expectScreen(page, 'welcome');
  await expect(button(page, 'en', 'readAloud.volume.medium')).toBeVisible();
});
