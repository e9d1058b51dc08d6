import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages } from './support/languages.js';

const welcome = '[data-screen="welcome"]';

/** Every font file the page asked for, with when (page clock), and the first contentful paint's time. */
const fontTimes = () => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
  const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.name.endsWith('.woff2'))
    .map((entry) => ({ file: new URL(entry.name).pathname.split('/').pop() ?? '', at: entry.startTime }));
  return { fcp, fonts };
};

/**
 * The faces beyond Latin (Latin Extended, Vietnamese, Arabic) are added once
 * the first screen is on screen (renderer/src/i18n/later-fonts.ts), so their
 * fetch and the layout they cause are not part of the first paint; the
 * language buttons still get their faces, and so does every language.
 */
test('the welcome screen paints before any face beyond Latin is asked for; the language buttons and Arabic get theirs after', async ({
  page,
  origin,
  request,
}) => {
  await page.goto('/kiosk/');
  await expect(page.locator(welcome)).toBeVisible();
  // "Tiếng Việt" and "العربية" are drawn in the Vietnamese and Arabic bold faces, once those are added.
  await expect
    .poll(() => page.evaluate(fontTimes).then(({ fonts }) => fonts.map(({ file }) => file)))
    .toEqual(
      expect.arrayContaining([expect.stringMatching(/^noto-sans-vietnamese-700/), expect.stringMatching(/^noto-sans-arabic-arabic-700/)]),
    );
  const { fcp, fonts } = await page.evaluate(fontTimes);
  expect(fcp).toBeGreaterThan(0);
  const later = fonts.filter(({ file }) => /^noto-sans-(vietnamese|latin-ext|arabic)/.test(file));
  for (const { file, at } of later) expect(at, `${file} asked for after the first contentful paint at ${fcp} ms`).toBeGreaterThan(fcp);
  const arabic = (await offeredLanguages(request, `${origin}/kiosk/`)).find((language) => language.code === 'ar');
  if (!arabic) throw new Error('the shipped profile offers Arabic');
  await chooseLanguage(page, arabic);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans Arabic' && f.weight === '400' && f.status === 'loaded'),
      ),
    )
    .toBe(true);
});
