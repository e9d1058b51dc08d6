/**
 * Every desk screen, with real content on it (a request from the kiosk, the
 * kiosk's health row, a closed request, a report), scanned by axe in every
 * language the console offers, with a screenshot of each. Each is also shown
 * on a 1366×768 laptop and a 1920×1080 monitor: every control must be
 * reachable there (in the window, or by scrolling, and not covered), and a
 * screenshot of each goes to test-results/screens/desk/ for the contact sheet.
 */
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.js';
import { callOver, submitOnKiosk } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages, translation } from './support/languages.js';
import { kioskText } from './support/kiosk-text.js';
import { captureScreen } from './support/screens.js';
import { shippedConfig } from './support/test-host.js';
import { clippingProblems, deskDisplays, keepScreenshot, showOn, unreachableButtons, type deskViews } from './support/screen-layout.js';

// English and Spanish are the console's working languages; Arabic (right to left) and Vietnamese are offered too.
const consoleLanguages = ['en', 'es', 'ar', 'vi'] as const;

async function openView(page: Page, language: string, key: 'nav.live' | 'nav.history' | 'nav.reports') {
  await page
    .getByRole('navigation', { name: translation(language, 'desk', 'nav.label') })
    .getByRole('button', { name: translation(language, 'desk', key) })
    .click();
}

/** On each desk monitor: a screenshot, and every control reachable with nothing cut off. */
async function checkOnDeskDisplays(page: Page, code: string, view: (typeof deskViews)[number]) {
  for (const display of deskDisplays) {
    await showOn(page, display);
    await keepScreenshot(page, 'desk', code, display.name, view);
    expect(await unreachableButtons(page, 'main'), `controls out of reach: desk ${view} (${code}) at ${display.name}`).toEqual([]);
    expect(await clippingProblems(page, 'main'), `cut off: desk ${view} (${code}) at ${display.name}`).toEqual([]);
  }
}

for (const code of consoleLanguages) {
  test(`every desk screen passes axe in ${code}: open requests, kiosks, history and the report`, async ({
    page,
    launchHost,
    request,
  }, testInfo) => {
    // Eight axe scans, and each view shown, photographed and walked button by button on two monitor
    // sizes, on a shared two-core machine: give the test room well beyond the default 30 s.
    test.setTimeout(180_000);
    const { host } = await launchHost();
    const kioskUrl = host.urls.kiosk ?? '';
    const deskUrl = host.urls.desk ?? '';
    await page.goto(deskUrl);
    const language = (await offeredLanguages(request, deskUrl)).find((l) => l.code === code);
    if (!language) throw new Error(`the desk does not offer ${code}`);
    await chooseLanguage(page, language);
    const t = (key: string) => translation(code, 'desk', key);

    // A closed request for the history and the report, then an emergency that waits, with its alert showing.
    await submitOnKiosk(request, kioskUrl, { kind: 'drop-off', turningIn: true });
    const first = page.getByRole('article').first();
    await first.getByRole('button', { name: t('ack.coming-now') }).click();
    await first.getByRole('button', { name: t('close.drop-off-only') }).click();
    await expect(page.getByText(t('requests.none'))).toBeVisible();
    await submitOnKiosk(request, kioskUrl, { kind: 'emergency', dangerNow: true, firstName: 'Ana', language: 'vi' });
    await expect(page.locator('[data-alert="requests"]')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.locator('[data-kiosk-id="K1"]')).toBeVisible();
    await expectNoAxeViolations(page, `desk open requests (${code})`);
    await captureScreen(page, testInfo, `desk-live-${code}`);
    await checkOnDeskDisplays(page, code, 'live');

    // The other views while the emergency still waits: the alert banner follows, with its way back.
    await openView(page, code, 'nav.history');
    await expect(page.getByRole('cell', { name: t('close.drop-off-only'), exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: t('alert.show') })).toBeVisible();
    await expectNoAxeViolations(page, `desk history (${code})`);
    await captureScreen(page, testInfo, `desk-history-${code}`);
    await checkOnDeskDisplays(page, code, 'history');

    await openView(page, code, 'nav.reports');
    await expect(page.getByRole('img', { name: t('report.perDay') })).toBeVisible();
    await page.getByText(t('report.perDayTable')).click();
    await expectNoAxeViolations(page, `desk report (${code})`);
    await captureScreen(page, testInfo, `desk-report-${code}`);
    await checkOnDeskDisplays(page, code, 'report');

    await page.getByRole('button', { name: t('alert.show') }).click();
    // An emergency is answered only with help now (a wait is not offered).
    await expect(page.getByRole('article').getByRole('button', { name: t('ack.wait-5-minutes') })).toHaveCount(0);
    await page
      .getByRole('article')
      .getByRole('button', { name: kioskText(code, 'ack.called-911', {}, 'desk') })
      .click();
    await expect(page.getByRole('article').getByRole('group', { name: t('close.legend') })).toBeVisible();
    await expect(page.locator('[data-alert="requests"]')).toHaveCount(0);
    await expectNoAxeViolations(page, `desk answered request (${code})`);
    await captureScreen(page, testInfo, `desk-answered-${code}`);
    await checkOnDeskDisplays(page, code, 'answered');
  });
}

test('the receiver-problem banner passes axe and says in plain words that kiosks cannot reach the desk', async ({
  page,
  launchHost,
  request,
}, testInfo) => {
  // Two desks on one port: the second cannot listen, as when another program holds the port.
  const first = await launchHost();
  const state = await callOver(request, first.host.urls.desk ?? '', 'desk.getState', {});
  const port = Number(new URL(state.receiver.url ?? '').port);
  const desk = shippedConfig('desk');
  const second = await launchHost({ desk: { ...desk, receiver: { ...(desk.receiver as object), port } } });
  await page.goto(second.host.urls.desk ?? '');
  const banner = page.locator('[data-alert="receiver"]');
  await expect(banner).toContainText(translation('en', 'desk', 'receiver.problem'));
  await expect(banner).toContainText(String(port));
  await expectNoAxeViolations(page, 'desk receiver problem');
  await captureScreen(page, testInfo, 'desk-receiver-problem-en');
});
