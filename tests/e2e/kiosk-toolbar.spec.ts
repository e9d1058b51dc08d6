/**
 * The kiosk's tool bar read from arm's length: every tool label on at most two
 * lines, in every language, on both touchscreens, with larger text on and off,
 * in each of its states (reading or not, each volume), and never smaller than
 * the display's tool-bar size. The page has a voice for every language
 * (stand-ins where the browser has none), so the bar holds all six tools.
 */
import { test, expect } from './support/fixtures.js';
import { expectScreen, switchLanguage, tap } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { offeredLanguages } from './support/languages.js';
import { kioskDisplays, showOn } from './support/screen-layout.js';
import { giveVoicesWhereNone, kioskVoiceTags } from './support/speech-voices.js';
import { labelsOverLines, toolLabels } from './support/toolbar-lines.js';

/** The tool bar's text size on each display: the display's base size (kiosk.css), whatever "Larger text" says. */
const toolTextPx = { portrait: 24, landscape: 24 } as const;
/** Two lines read as one label; a third makes the bar tall and the word hard to take in at a glance. */
const mostLines = 2;
/**
 * The bar with its tallest label on two lines: two lines of 24 px text at 1.2 (58 px), the button's padding and
 * border (33 px; 47 with larger text, whose padding is in rem), the bar's padding and top border (51 px). A third
 * line adds 29 px.
 */
const tallestBarPx = 152;

test('every tool label fits on two lines in every language, on both displays, with larger text on and off, reading or not, at each volume', async ({
  page,
  request,
  origin,
}) => {
  test.setTimeout(120_000);
  const languages = await offeredLanguages(request, `${origin}/kiosk/`);
  expect(languages.map((language) => language.code)).toEqual(expect.arrayContaining(['en', 'es', 'ar', 'vi']));
  await giveVoicesWhereNone(page, kioskVoiceTags);
  await showOn(page, kioskDisplays.portrait);
  await page.goto('/kiosk/');
  await expectScreen(page, 'welcome');
  // Home has every tool: Start over, Language, the two display choices, read aloud and its volume.
  await tap(page, 'en', 'welcome.start');
  await expectScreen(page, 'home');
  let current = 'en';
  const problems: string[] = [];
  for (const language of languages) {
    if (language.code !== current) await switchLanguage(page, current, language);
    current = language.code;
    await expect(page.locator('.toolbar .read-aloud')).toBeVisible();
    const controls = (key: string) => page.getByRole('button', { name: kioskText(language.code, key, {}, 'controls'), exact: true });
    const measure = async (state: string) => {
      for (const display of [kioskDisplays.portrait, kioskDisplays.landscape]) {
        for (const large of [false, true]) {
          const pressed = (await controls('display.largeText').getAttribute('aria-pressed')) === 'true';
          if (pressed !== large) await controls('display.largeText').click();
          if (large) await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
          else await expect(page.locator('html')).not.toHaveAttribute('data-text-size', 'large');
          await showOn(page, display);
          const { tools, barPx } = await toolLabels(page);
          const where = `${language.code}, ${display.name}${large ? ', larger text' : ''}, ${state}`;
          expect(tools.length, `six tools: ${where}`).toBe(6);
          problems.push(...labelsOverLines(tools, mostLines).map((problem) => `${where}: ${problem}`));
          for (const tool of tools.filter((t) => t.fontPx + 0.5 < toolTextPx[display.name]))
            problems.push(`${where}: [${tool.label}] at ${tool.fontPx} px, under ${toolTextPx[display.name]} px`);
          if (barPx > tallestBarPx) problems.push(`${where}: the tool bar is ${Math.round(barPx)} px tall`);
        }
      }
      if ((await controls('display.largeText').getAttribute('aria-pressed')) === 'true') await controls('display.largeText').click();
    };
    // Each volume label in turn (medium, loud, quiet, and back to medium), then while reading ("Stop reading").
    for (const level of ['medium', 'loud', 'quiet']) {
      await expect(controls(`readAloud.volume.${level}`)).toBeVisible();
      await measure(`volume ${level}`);
      await controls(`readAloud.volume.${level}`).click();
    }
    await controls('readAloud.start').click();
    await expect(controls('readAloud.stop')).toBeVisible();
    await measure('reading');
    await controls('readAloud.stop').click();
  }
  expect(problems).toEqual([]);
});

test('the label check counts lines, so a label squeezed onto three lines fails it', async ({ page }) => {
  await showOn(page, kioskDisplays.portrait);
  await page.goto('/kiosk/');
  await expectScreen(page, 'welcome');
  await tap(page, 'en', 'welcome.start');
  await expectScreen(page, 'home');
  const before = await toolLabels(page);
  expect(labelsOverLines(before.tools, mostLines), 'control: English fits').toEqual([]);
  await page.evaluate(() => {
    // Main's Spanish label, at its narrowest: a word a line.
    const startOver = document.querySelector<HTMLElement>('.toolbar > .button');
    if (startOver) startOver.textContent = 'Empezar de nuevo';
    if (startOver) startOver.style.cssText = 'flex: none; inline-size: min-content; max-inline-size: min-content;';
  });
  const squeezed = labelsOverLines((await toolLabels(page)).tools, mostLines).join('\n');
  expect(squeezed).toBe('[Empezar de nuevo] takes 3 lines');
});
