/**
 * Tiles the screenshots the end-to-end suite keeps in test-results/screens/
 * (tests/e2e/kiosk-layout.spec.ts, tests/e2e/desk-screens.spec.ts) into
 * docs/screens/: kiosk-<language>.png (every kiosk screen, portrait and
 * landscape, and the status and emergency screens again with no answer yet
 * and once answered) and desk.png (every desk screen, both monitor sizes, every
 * language). Fails, naming the file, when a screenshot is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { answeredShots, kioskScreens, notAnsweredScreens, notAnsweredShot } from '../e2e/support/kiosk-screens.js';
import { repoRoot } from '../e2e/support/paths.js';
import { deskDisplays, deskViews, kioskDisplays, screensDir } from '../e2e/support/screen-layout.js';
import { sheetHtml, type TileGroup } from './sheet-page.js';

const docsDir = path.join(repoRoot, 'docs', 'screens');
const workDir = path.join(repoRoot, 'test-results', 'contact-sheets');
const languages = ['en', 'es', 'ar', 'vi'] as const;
/** A sheet stays a few hundred KB: small enough to keep in the repository, large enough to judge a layout. */
const sheetWidth = 1500;

function shot(...parts: string[]): string {
  const file = path.join(screensDir, ...parts.slice(0, -1), `${parts.at(-1) ?? ''}.png`);
  if (!existsSync(file))
    throw new Error(`${path.relative(repoRoot, file)} is missing: run "npm run screens" (it runs the screenshot specs first).`);
  return file;
}

async function render(page: Page, name: string, title: string, groups: TileGroup[]): Promise<void> {
  await mkdir(workDir, { recursive: true });
  await mkdir(docsDir, { recursive: true });
  const html = path.join(workDir, `${name}.html`);
  await writeFile(html, sheetHtml(title, groups, sheetWidth));
  await page.setViewportSize({ width: sheetWidth, height: 800 });
  await page.goto(pathToFileURL(html).href);
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  const out = path.join(docsDir, `${name}.png`);
  await page.screenshot({ path: out, fullPage: true });
  const { size } = await stat(out);
  console.log(`${path.relative(repoRoot, out)}: ${Math.round(size / 1024)} KB`);
  expect(size, `${name}.png stays small enough to keep in the repository`).toBeLessThan(600 * 1024);
}

for (const language of languages) {
  test(`kiosk contact sheet in ${language}`, async ({ page }) => {
    const group = (display: (typeof kioskDisplays)['portrait' | 'landscape'], tileWidth: number): TileGroup => ({
      heading: `${display.name} ${display.width}×${display.height}`,
      tileWidth,
      tiles: [
        ...kioskScreens.map((screen) => ({ label: screen.id, file: shot('kiosk', language, display.name, screen.id) })),
        // The same screens once the desk has not answered in time: the other ways to get help shown.
        ...notAnsweredScreens.map((id) => ({
          label: `${id}, no answer yet`,
          file: shot('kiosk', language, display.name, notAnsweredShot(id)),
        })),
        // And once the officer has answered: the answer, its time, and on the emergency screen the banner it changes.
        ...answeredShots.map(({ id, messageKey, shot: name }) => ({
          label: `${id}, answered ${messageKey}`,
          file: shot('kiosk', language, display.name, name),
        })),
      ],
    });
    await render(page, `kiosk-${language}`, `Kiosk screens, ${language}`, [
      group(kioskDisplays.portrait, 150),
      group(kioskDisplays.landscape, 276),
    ]);
  });
}

test('desk contact sheet', async ({ page }) => {
  const groups = deskDisplays.map((display) => ({
    heading: `${display.name}`,
    tileWidth: 276,
    tiles: languages.flatMap((language) =>
      deskViews.map((view) => ({ label: `${view}, ${language}`, file: shot('desk', language, display.name, view) })),
    ),
  }));
  await render(page, 'desk', 'Desk screens, every language', groups);
});
