/**
 * A desk after a long outage: more open requests than one page. The count and
 * every emergency come first, the rest a page at a time behind "Show more",
 * with axe passing and every control reachable on the desk's monitors.
 */
import { expectNoAxeViolations } from './support/axe.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { deskDisplays, showOn, unreachableButtons } from './support/screen-layout.js';
import { startBenchDesk } from '../bench/support/bench-desk.js';

test('a desk with more requests than one page shows the count and every emergency first, and draws the rest on "Show more"', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const desk = await startBenchDesk(request);
  try {
    await desk.send(24);
    const emergencies = await desk.send(2, { emergency: true });
    await page.goto(desk.deskUrl);
    await expect(page.locator('[data-field="open-count"]')).toHaveText('26');
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(22);
    // Both emergencies first (they were sent together, so which of them was asked first is the desk's to say).
    const firstTwo = await Promise.all([0, 1].map((index) => cards.nth(index).getAttribute('data-request-id')));
    expect(firstTwo.sort(), 'the first two cards are the two emergencies').toEqual([...emergencies].sort());
    await expect(page.locator('[data-field="not-shown"]')).toHaveText('4');
    await expectNoAxeViolations(page, 'desk with more requests than one page');
    for (const display of deskDisplays) {
      await showOn(page, display);
      expect(await unreachableButtons(page, 'main'), `controls out of reach at ${display.name}`).toEqual([]);
    }
    await page.getByRole('button', { name: translation('en', 'desk', 'requests.showMore') }).click();
    await expect(cards).toHaveCount(26);
    await expect(page.locator('[data-field="not-shown"]')).toHaveCount(0);
  } finally {
    await desk.test.close();
  }
});
