import type { APIRequestContext, Page } from '@playwright/test';
import type { CallResult } from '../../shared/call-result.js';
import type { DeskState } from '../../shared/desk.js';
import { tokenHeaders } from './support/host-token.js';
import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { expectScreen, tap } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { watchPageProblems } from './support/page-problems.js';

/** A desk call over the browser host's HTTP bridge, as the desk console makes it. */
async function deskCall<T>(request: APIRequestContext, deskUrl: string, name: string, data: object): Promise<T> {
  const response = await request.post(new URL(`api/call/${name}`, deskUrl).href, { data, headers: tokenHeaders(deskUrl) });
  const result = (await response.json()) as CallResult<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

async function deskRequests(request: APIRequestContext, deskUrl: string) {
  return (await deskCall<DeskState>(request, deskUrl, 'desk.getState', {})).requests;
}

/** What a person in a hurry presses on each screen to ask for help for themselves. */
const hurriedChoice: Record<string, { key: string; exact: boolean }> = {
  welcome: { key: 'welcome.start', exact: false },
  home: { key: 'home.helpSelf', exact: false },
  'request-danger': { key: 'request.danger.no', exact: true },
  'request-name': { key: 'request.name.skip', exact: true },
  'request-items': { key: 'request.items.no', exact: true },
  'request-review': { key: 'request.review.send', exact: true },
};

/** Counts, inside the page, every real (trusted) click it receives: the taps the kiosk saw, not the ones the test meant. */
async function countTapsInPage(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const counter = window as unknown as { lobbyTaps: number };
    counter.lobbyTaps = 0;
    document.addEventListener('click', (event) => (counter.lobbyTaps += event.isTrusted ? 1 : 0), true);
  });
  return () => page.evaluate(() => (window as unknown as { lobbyTaps: number }).lobbyTaps);
}

/**
 * Walks the kiosk as a hurried person would: on whatever screen the kiosk
 * shows, the answer from `hurriedChoice`, until the status screen. The path
 * is the kiosk's, not the test's: an added screen fails here by name.
 */
async function askForHelp(page: Page, language: string, maxTaps: number): Promise<void> {
  const main = page.locator('main[data-screen]');
  for (let taps = 0; ; taps += 1) {
    const screen = (await main.getAttribute('data-screen')) ?? '';
    if (screen === 'status') return;
    const choice = hurriedChoice[screen];
    if (!choice) throw new Error(`the kiosk showed the "${screen}" screen, which a person asking for help was not expected to meet`);
    if (taps >= maxTaps) throw new Error(`still on the "${screen}" screen after ${taps} taps`);
    if (screen === 'request-review') await expect(main).toContainText(kioskText(language, 'request.privacy.who'));
    await tap(page, language, choice.key, { exact: choice.exact });
    await expect(main, `the kiosk moves on from the "${screen}" screen`).not.toHaveAttribute('data-screen', screen);
  }
}

/** Time a person needs per tap: to read a short screen and press. Generous on purpose. */
const secondsPerTap = 6;

test("a new visitor asks for help in Spanish from the welcome screen in 7 taps (well under a minute), and reads the officer's answer in Spanish", async ({
  page,
  request,
  launchHost,
}, testInfo) => {
  const problems = await watchPageProblems(page);
  const { host } = await launchHost();
  const deskUrl = host.urls.desk ?? '';
  const tapsInPage = await countTapsInPage(page);
  await page.goto(host.urls.kiosk ?? '');
  await expectScreen(page, 'welcome');

  await page.getByRole('button', { name: 'Español', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await askForHelp(page, 'es', 10);
  await expectScreen(page, 'status');

  const taps = await tapsInPage();
  expect(taps, 'taps the kiosk received from the welcome screen to a sent request').toBe(7);
  expect(taps * secondsPerTap, 'seconds a person needs at a generous pace').toBeLessThan(60);

  const status = page.locator('main[data-screen="status"]');
  await expect(status).toContainText(kioskText('es', 'status.headline.delivered'));
  const [onDesk] = await deskRequests(request, deskUrl);
  expect(onDesk).toMatchObject({ kind: 'help-self', language: 'es', turningIn: false, dangerNow: false });
  expect(onDesk?.firstName).toBeUndefined();
  await expect(status).toContainText(onDesk?.reference ?? 'missing');
  await captureScreen(page, testInfo, 'kiosk-flow-es-delivered');

  await deskCall(request, deskUrl, 'desk.acknowledge', { id: onDesk?.id, messageKey: 'come-to-window' });
  await expect(status).toContainText(kioskText('es', 'status.ack.comeToWindow'));
  await captureScreen(page, testInfo, 'kiosk-flow-es-acknowledged');
  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test('an emergency takes one tap from the welcome screen, pages the desk at top priority, says to call 911, and never says to wait at the kiosk', async ({
  page,
  request,
  launchHost,
}, testInfo) => {
  const { host } = await launchHost();
  await page.goto(host.urls.kiosk ?? '');
  await expectScreen(page, 'welcome');
  await tap(page, 'en', 'welcome.emergencyButton', { exact: true });
  await expectScreen(page, 'emergency');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Call 911 now');
  await expect.poll(async () => (await deskRequests(request, host.urls.desk ?? ''))[0]?.priority).toBe('emergency');
  // "The front desk has your request", without "Please wait here": the banner says to go to the window now.
  await expect(page.locator('main')).toContainText(kioskText('en', 'status.headline.deliveredEmergency'));
  await expect(page.locator('main')).not.toContainText(kioskText('en', 'status.headline.delivered'));
  await captureScreen(page, testInfo, 'kiosk-emergency-delivered');
});

test('the whole request can be made with the keyboard alone, with a visible focus ring on every control', async ({
  page,
  request,
  launchHost,
}) => {
  const { host } = await launchHost();
  await page.goto(host.urls.kiosk ?? '');
  await expectScreen(page, 'welcome');

  /** Tabs forward until the focused control has this name, checking each control shows its focus. */
  const tabTo = async (name: string) => {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline, `focus ring on ${await focused.textContent()}`).not.toBe('none');
      if ((await focused.textContent())?.startsWith(name)) return;
    }
    throw new Error(`Tab never reached "${name}"`);
  };

  await tabTo('Touch here to start');
  await page.keyboard.press('Enter');
  await expectScreen(page, 'home');
  await tabTo('Get help for someone with me');
  await page.keyboard.press('Enter');
  await expectScreen(page, 'request-danger');
  await tabTo('No');
  await page.keyboard.press('Enter');
  await expectScreen(page, 'request-name');
  await page.keyboard.press('Tab');
  // Exact: the on-screen keyboard's group is "Keyboard for your first name", and its chunk may be in by now.
  await expect(page.getByLabel('First name', { exact: true })).toBeFocused();
  await page.keyboard.type('Dana');
  await tabTo('Next');
  await page.keyboard.press('Enter');
  await expectScreen(page, 'request-items');
  await tabTo('Yes');
  await page.keyboard.press('Space');
  await expectScreen(page, 'request-review');
  await tabTo('Send to the front desk');
  await page.keyboard.press('Enter');
  await expectScreen(page, 'status');
  await expect
    .poll(async () => (await deskRequests(request, host.urls.desk ?? ''))[0])
    .toMatchObject({ kind: 'help-someone', firstName: 'Dana', turningIn: true });
});

test('with reduced motion asked for, nothing on the kiosk animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/kiosk/');
  await expectScreen(page, 'welcome');
  await tap(page, 'en', 'welcome.start');
  await expectScreen(page, 'home');
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((element) => ({ element: element.tagName, style: getComputedStyle(element) }))
      .filter(({ style }) => style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
      .map(({ element }) => element),
  );
  expect(moving).toEqual([]);
});
