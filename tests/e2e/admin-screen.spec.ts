/**
 * The admin screen in the browser host, on two real cores over real HTTP:
 * the kiosk's 5-second hold on the agency name, the PIN on its own keypad,
 * out of service on and off, and a test page that reaches the desk marked
 * as a test and closes when acknowledged.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { deskConfig, kioskConfig } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';

const a = (key: string) => translation('en', 'admin', key);
const d = (key: string) => translation('en', 'desk', key);
const k = (key: string) => translation('en', 'kiosk', key);

/** Holds the mouse down on `selector` until the PIN pad appears (the hold takes 5 s; this waits for the pad, not for a time). */
async function holdOpen(page: Page, selector: string) {
  await page.locator(selector).first().hover();
  await page.mouse.down();
  await expect(page.getByRole('heading', { level: 1, name: a('pin.title') })).toBeVisible({ timeout: 10_000 });
  await page.mouse.up();
}

async function typePin(page: Page, pin: string) {
  const pad = page.getByRole('group', { name: a('pin.keypad') });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
  await pad.getByRole('button', { name: a('pin.ok') }).click();
}

test('a kiosk fresh out of the box tells the public it is not set up; the administrator chooses its PIN, switches it out of service and back, and sends a test page the desk shows as a test', async ({
  page,
  browser,
  launchHost,
}, testInfo) => {
  test.setTimeout(90_000);
  const port = await freePort();
  const { host } = await launchHost({
    desk: { ...deskConfig({ id: 'D1', name: 'Front desk' }, port), alerts: { repeatSeconds: 30, sound: false, osNotifications: false } },
    kiosk: kioskConfig({ id: 'K1', location: 'Lobby kiosk 1' }),
    kioskPin: false,
  });

  // No PIN yet: the public gets no way in, only where to go and the emergency number.
  await page.goto(host.urls.kiosk ?? '');
  const welcome = page.locator('main[data-screen="welcome"]');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText(k('notSetUp.title'));
  await expect(welcome).toContainText(k('notSetUp.body'));
  await expect(page.getByRole('button', { name: k('welcome.start') })).toHaveCount(0);
  await expect(page.getByRole('button', { name: k('welcome.emergencyButton') })).toHaveCount(0);
  await expectNoAxeViolations(page, 'kiosk not set up yet');
  await captureScreen(page, testInfo, 'kiosk-not-set-up');
  await holdOpen(page, '.masthead__agency');
  await expect(page.getByText(a('pin.choose'))).toBeVisible();
  await expectNoAxeViolations(page, 'admin PIN pad');
  await typePin(page, '48291375');
  await expect(page.getByText(a('pin.confirm'))).toBeVisible();
  await typePin(page, '48291375');
  // The PIN is hashed with scrypt at its full cost (about 128 MB): seconds on a loaded two-core machine.
  await expect(page.getByRole('heading', { level: 1, name: a('title') })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: a('about.title') })).toContainText('K1');
  // Set up: behind the admin screen, the public's welcome now has its way in.
  await expect(page.locator('main[data-screen="welcome"]')).toHaveCount(0);
  await captureScreen(page, testInfo, 'admin-kiosk');
  await page.getByRole('button', { name: a('log.show') }).click();
  await expect(page.locator('.admin__log')).toContainText('admin session opened');
  await expectNoAxeViolations(page, 'admin screen');

  // Out of service: the public sees the calm screen; the title there opens the admin screen again.
  await page.getByRole('button', { name: a('service.turnOff') }).click();
  await expect(page.getByTestId('service-state')).toHaveText(a('service.isOff'));
  await page.getByRole('button', { name: a('close') }).click();
  await expect(page.locator('[data-screen="out-of-service"]')).toBeVisible();
  await holdOpen(page, '[data-screen="out-of-service"] h1');
  await typePin(page, '48291375');
  await page.getByRole('button', { name: a('service.turnOn') }).click();
  await expect(page.getByTestId('service-state')).toHaveText(a('service.isOn'));

  // A test page to the desk channel.
  await page
    .locator('[data-channel="desk-d1"]')
    .getByRole('button', { name: a('channels.sendOne') })
    .click();
  await expect(page.locator('[data-result="delivered"]')).toContainText('desk-d1');
  await page.getByRole('button', { name: a('close') }).click();
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible();

  const desk = await browser.newPage();
  await desk.goto(host.urls.desk ?? '');
  const card = desk.locator('.request-card--test');
  await expect(card).toContainText(a('testPage.badge'));
  await expect(card).toContainText(a('testPage.title'));
  await captureScreen(desk, testInfo, 'admin-test-page-on-desk');
  await card.getByRole('button', { name: d('ack.coming-now') }).click();
  await expect(desk.locator('.request-card--test')).toHaveCount(0);
  await desk.close();
});
