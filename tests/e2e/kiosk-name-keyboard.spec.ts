/**
 * The first-name step on a slow machine. The on-screen keyboard is a chunk of
 * its own (renderer/src/kiosk/parts/lazy-parts.ts), so the step can be drawn
 * before it arrives. Its place is held while it loads: a person reaching for
 * Skip or Next must not have the button moved under their finger when the
 * keyboard appears. The chunk's response is held here until the buttons have
 * been measured on both kiosk displays, at both text sizes.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { expectScreen, tap } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { kioskDisplays, showOn } from './support/screen-layout.js';

/** The keyboard's chunk as Vite names it: on-screen-keyboard-<hash>.js. */
const keyboardChunk = /\/on-screen-keyboard-[\w-]+\.js(\?.*)?$/;

type Box = { x: number; y: number; width: number; height: number };

/** Where Next and Skip are, on each display and at each text size the kiosk offers; leaves the page as it found it. */
async function buttonBoxes(page: Page): Promise<Record<string, Box | null>> {
  const largerText = page.getByRole('button', { name: kioskText('en', 'display.largeText', {}, 'controls'), exact: true });
  const buttons = {
    next: page.getByRole('button', { name: kioskText('en', 'request.name.next'), exact: true }),
    skip: page.getByRole('button', { name: kioskText('en', 'request.name.skip'), exact: true }),
  };
  const boxes: Record<string, Box | null> = {};
  for (const textSize of ['usual', 'large'] as const) {
    if (textSize === 'large') {
      await largerText.click();
      await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    }
    for (const display of [kioskDisplays.portrait, kioskDisplays.landscape]) {
      await showOn(page, display);
      await page.evaluate(() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
      for (const [name, button] of Object.entries(buttons))
        boxes[`${name}, ${display.name}, ${textSize} text`] = await button.boundingBox();
    }
  }
  await largerText.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-text-size', 'large');
  await showOn(page, kioskDisplays.portrait);
  return boxes;
}

test('Next and Skip on the first-name step stay where they are when a late keyboard arrives, on both displays and at both text sizes', async ({
  page,
}) => {
  test.setTimeout(60_000);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(keyboardChunk, async (route) => {
    asked = true;
    await released;
    await route.continue();
  });

  await showOn(page, kioskDisplays.portrait);
  await page.goto('/kiosk/');
  await expectScreen(page, 'welcome');
  await tap(page, 'en', 'welcome.start');
  await tap(page, 'en', 'home.helpSelf');
  await tap(page, 'en', 'request.danger.no', { exact: true });
  await expectScreen(page, 'request-name');

  // The step is drawn and the keyboard is still on its way: its place is held.
  const keyboard = page.getByRole('group', { name: kioskText('en', 'request.name.keyboard') });
  await expect.poll(() => asked, { message: 'the kiosk asked for the keyboard chunk' }).toBe(true);
  await expect(page.locator('[data-keyboard-waiting]')).toBeVisible();
  await expect(keyboard).toHaveCount(0);
  const before = await buttonBoxes(page);
  expect(Object.values(before).every((box) => box !== null && box.height > 0)).toBe(true);

  release();
  await expect(keyboard).toBeVisible();
  await expect(page.locator('[data-keyboard-waiting]')).toHaveCount(0);
  expect(await buttonBoxes(page)).toEqual(before);
});
