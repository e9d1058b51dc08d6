/**
 * Pairing on the admin screens, end to end in the browser host, with two
 * separate hosts (a desk and a kiosk, no demo pairing) over TLS: the desk
 * makes a code, the administrator types the address and code on the kiosk's
 * own keys, compares the six digits on both pages and confirms both. Then a
 * request from the kiosk reaches the desk; after "Unpair" on the desk, the
 * desk refuses the kiosk's next request and the kiosk falls back.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { statusTable } from '../../shared/request-status.js';
import { expectNoAxeViolations } from './support/axe.js';
import { callOver, deskConfig, kioskConfig, submitOnKiosk } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { repoRoot } from './support/paths.js';
import { freePort } from './support/test-host.js';

const a = (key: string) => translation('en', 'admin', key);
const pin = '48291375';

/** Holds the mouse down on `selector` until the PIN pad appears (the hold takes 5 s; this waits for the pad, not for a time). */
async function holdOpen(page: Page, selector: string) {
  await page.locator(selector).first().hover();
  await page.mouse.down();
  await expect(page.getByRole('heading', { level: 1, name: a('pin.title') })).toBeVisible({ timeout: 10_000 });
  await page.mouse.up();
}

/** Types on one of the screen's own keypads (PIN, address or code), key by key. */
async function typeOn(page: Page, padName: string, text: string) {
  const pad = page.getByRole('group', { name: padName });
  const names: Record<string, string> = { '.': a('pairing.keys.dot'), ':': a('pairing.keys.colon') };
  for (const key of text.replace(/ /g, '')) await pad.getByRole('button', { name: names[key] ?? key, exact: true }).click();
}

/** Chooses the PIN on first use (typed twice) and waits for the admin screen. */
async function choosePin(page: Page) {
  for (let i = 0; i < 2; i += 1) {
    await typeOn(page, a('pin.keypad'), pin);
    await page
      .getByRole('group', { name: a('pin.keypad') })
      .getByRole('button', { name: a('pin.ok') })
      .click();
  }
  // The PIN is hashed with scrypt at its full cost (about 128 MB): seconds on a loaded two-core machine.
  await expect(page.getByRole('heading', { level: 1, name: a('title') })).toBeVisible({ timeout: 20_000 });
}

/** Saves a small PNG of the page for docs/setup/ when LOBBY_DOC_SCREENS=1. */
async function docScreen(page: Page, name: string) {
  if (process.env.LOBBY_DOC_SCREENS !== '1') return;
  const dir = path.join(repoRoot, 'docs', 'setup');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

test('an administrator pairs a kiosk with a desk on both admin screens, a request then reaches the desk, and after Unpair the desk refuses the kiosk', async ({
  browser,
  request,
  launchHost,
}) => {
  test.setTimeout(150_000);
  const deskPort = await freePort();
  const deskHost = await launchHost({ desk: deskConfig({ id: 'D1', name: 'Front desk' }, deskPort), demoPairing: false });
  const kioskHost = await launchHost({
    kiosk: kioskConfig(
      { id: 'K1', location: 'Lobby kiosk 1' },
      { fallbackAfterSeconds: 3, retry: { initialDelayMs: 100, maxDelayMs: 400 } },
    ),
    demoPairing: false,
    // Fresh out of the box: the administrator chooses the kiosk's PIN on its screen.
    kioskPin: false,
  });
  const deskUrl = deskHost.host.urls.desk ?? '';
  const kioskUrl = kioskHost.host.urls.kiosk ?? '';
  // A context each (axe needs one it can open pages in), as two separate machines would be.
  const desk = await (await browser.newContext({ viewport: { width: 1080, height: 1500 } })).newPage();
  const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();

  // The desk: its Admin button, the PIN, then "Add a kiosk".
  await desk.goto(deskUrl);
  await desk.getByRole('button', { name: a('door'), exact: true }).click();
  await choosePin(desk);
  const deskPairing = desk.getByRole('region', { name: a('pairing.title') });
  await expect(deskPairing.getByTestId('key-protection')).toHaveText(a('pairing.protection.aes-256-gcm'));
  await deskPairing.getByRole('button', { name: a('pairing.addKiosk') }).click();
  const code = (await deskPairing.getByTestId('pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{4} \d{4}$/);
  const address = (await deskPairing.getByTestId('pairing-addresses').locator('li').first().textContent()) ?? '';
  expect(address).toMatch(/^[\d.]+:\d+$/);
  await deskPairing.getByTestId('add-kiosk').scrollIntoViewIfNeeded();
  await docScreen(desk, 'desk-add-a-kiosk');
  await expectNoAxeViolations(desk, 'desk admin: Add a kiosk');

  // The kiosk: the 5-second hold on the agency name, the PIN, "Pair with a desk".
  await kiosk.goto(kioskUrl);
  await holdOpen(kiosk, '.masthead__agency');
  await choosePin(kiosk);
  const kioskPairing = kiosk.getByRole('region', { name: a('pairing.title') });
  await kioskPairing.getByRole('button', { name: a('pairing.pairWithDesk') }).click();

  // A wrong code typed on the screen: a plain refusal, no comparison.
  const wrong = code.startsWith('0') ? '11111111' : '00000000';
  await typeOn(kiosk, a('pairing.addressPad'), address);
  await typeOn(kiosk, a('pairing.codePad'), wrong);
  await kioskPairing.getByRole('button', { name: a('pairing.start'), exact: true }).click();
  await expect(kioskPairing.getByTestId('pairing-refused')).toHaveText(a('pairing.refused.wrong'));
  await expect(kioskPairing.getByTestId('comparison')).toHaveCount(0);

  // The right code (one wrong try does not void it).
  await typeOn(kiosk, a('pairing.codePad'), code);
  await expect(kioskPairing.getByTestId('pairing-refused')).toHaveCount(0);
  await kioskPairing.getByTestId('pair-with-desk').scrollIntoViewIfNeeded();
  await docScreen(kiosk, 'kiosk-pair-with-a-desk');
  await expectNoAxeViolations(kiosk, 'kiosk admin: Pair with a desk');
  await kioskPairing.getByRole('button', { name: a('pairing.start'), exact: true }).click();

  // The same six digits on both pages; confirmed on both.
  const kioskDigits = kioskPairing.getByTestId('comparison-code');
  const deskDigits = deskPairing.getByTestId('comparison-code');
  await expect(kioskDigits).toHaveText(/^\d{3} \d{3}$/);
  await expect(deskDigits).toHaveText((await kioskDigits.textContent()) ?? 'none');
  await kioskPairing.getByTestId('comparison').scrollIntoViewIfNeeded();
  await docScreen(kiosk, 'kiosk-compare-the-code');
  await expectNoAxeViolations(kiosk, 'kiosk admin: comparison');
  await deskPairing.getByRole('button', { name: a('pairing.same') }).click();
  await kioskPairing.getByRole('button', { name: a('pairing.same') }).click();
  await expect(kioskPairing.getByRole('list', { name: a('pairing.peers') })).toContainText('D1', { timeout: 15_000 });
  await expect(deskPairing.getByRole('list', { name: a('pairing.peers') })).toContainText('K1');
  await expectNoAxeViolations(desk, 'desk admin: paired');

  // A request from the kiosk reaches the desk.
  const first = await submitOnKiosk(request, kioskUrl);
  await expect
    .poll(async () => (await callOver(request, deskUrl, 'desk.getState', {})).requests.map((r) => r.reference), { timeout: 15_000 })
    .toContain(first.reference);

  // Unpair on the desk (with its confirm step): the kiosk's next request is refused by the desk and the kiosk falls back.
  await deskPairing.getByRole('button', { name: `${a('pairing.unpair')} K1` }).click();
  await deskPairing.getByRole('button', { name: a('pairing.unpairYes') }).click();
  await expect(deskPairing.getByText(a('pairing.noPeers'))).toBeVisible();
  const second = await submitOnKiosk(request, kioskUrl);
  await expect
    .poll(async () => (await callOver(request, kioskUrl, 'request.get', { id: second.id }))?.status, { timeout: 20_000 })
    .toBe('failed');
  // "failed" is the status whose screen gives only the other ways to get help (the window, the phone).
  expect(statusTable.failed.fallback).toBe('only');
  const deskRequests = (await callOver(request, deskUrl, 'desk.getState', {})).requests.map((r) => r.reference);
  expect(deskRequests).not.toContain(second.reference);
  await desk.context().close();
  await kiosk.context().close();
});
