/**
 * The whole loop across two real cores over real HTTP: a person submits on
 * the kiosk, the desk alerts (banner, announcement, repeating tone), the
 * officer answers, and the kiosk learns the answer by its message key.
 */
import { callOver, deskConfig, kioskConfig, submitOnKiosk } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';

const t = (key: string) => translation('en', 'desk', key);

test('a kiosk request alerts the desk until answered, and the kiosk then shows "wait-5-minutes"', async ({
  page,
  launchHost,
  request,
}, testInfo) => {
  test.setTimeout(60_000);
  const port = await freePort();
  const desk = { ...deskConfig({ id: 'D1', name: 'Front desk' }, port), alerts: { repeatSeconds: 3, sound: true, osNotifications: false } };
  const { host } = await launchHost({ desk, kiosk: kioskConfig({ id: 'K1', location: 'Lobby kiosk 1' }, { pollSeconds: 0.5 }) });
  const kioskUrl = host.urls.kiosk ?? '';
  // Count the tones the console makes: every play schedules its notes on new oscillators.
  await page.addInitScript(() => {
    const scope = window as unknown as { toneNotes: number };
    scope.toneNotes = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      scope.toneNotes += 1;
      return original.call(this);
    };
  });
  await page.goto(host.urls.desk ?? '');
  await expect(page.getByText(t('requests.none'))).toBeVisible();

  const submitted = await submitOnKiosk(request, kioskUrl, { kind: 'help-self', language: 'es', firstName: 'Lucía' });
  const card = page.locator(`[data-request-id="${submitted.id}"]`);
  await expect(card).toContainText(submitted.reference);
  await expect(card).toContainText('Lucía');
  await expect(page.locator('[data-alert="requests"]')).toContainText(t('alert.newRequest'));
  await expect(page.locator('[aria-live="polite"]')).toHaveText(`${t('announce.new')}: ${t('kind.help-self')} — Lobby kiosk 1.`);
  // One play at once and more every 3 s while nobody answers: at least two plays of two notes each.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { toneNotes: number }).toneNotes), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(4);
  await captureScreen(page, testInfo, 'desk-loop-alerting');

  await card.getByRole('button', { name: t('ack.wait-5-minutes') }).click();
  await expect(page.locator('[data-alert="requests"]')).toHaveCount(0);
  await expect(card.locator('[data-field="answered"]')).toContainText(t('ack.wait-5-minutes'));

  await expect
    .poll(async () => (await callOver(request, kioskUrl, 'request.get', { id: submitted.id }))?.phase, { timeout: 15_000 })
    .toBe('acknowledged');
  const onKiosk = await callOver(request, kioskUrl, 'request.get', { id: submitted.id });
  expect(onKiosk?.acknowledgement).toMatchObject({ messageKey: 'wait-5-minutes', deskId: 'D1', deskName: 'Front desk' });
  await captureScreen(page, testInfo, 'desk-loop-answered');
});
