/**
 * Two desks paged by one kiosk: each is its own host (its own core, receiver
 * and data folder), and the kiosk is paired with both, the desks with each other. The first
 * desk to answer wins; the other shows who took it and offers no buttons.
 */
import { callOver, deskConfig, kioskConfig, pairOver, submitOnKiosk } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';

const t = (key: string) => translation('en', 'desk', key);

test('when the front desk answers, the records window shows "Taken by Front desk" and needs no action', async ({
  page,
  context,
  launchHost,
  request,
}, testInfo) => {
  test.setTimeout(60_000);
  const frontPort = await freePort();
  const recordsPort = await freePort();
  const records = await launchHost({
    desk: deskConfig({ id: 'D2', name: 'Records window' }, recordsPort),
    kiosk: kioskConfig({ id: 'K2', location: 'Side entrance kiosk' }),
  });
  const front = await launchHost({
    desk: deskConfig({ id: 'D1', name: 'Front desk' }, frontPort),
    kiosk: kioskConfig({ id: 'K1', location: 'Lobby kiosk 1' }, { pollSeconds: 0.5 }),
  });
  // Each host paired its own kiosk and desk; the administrators add the lobby kiosk to the records window, and the desks to each other.
  await pairOver(request, records.host.urls.desk ?? '', front.host.urls.kiosk ?? '');
  await pairOver(request, records.host.urls.desk ?? '', front.host.urls.desk ?? '');
  const recordsPage = await context.newPage();
  await page.goto(front.host.urls.desk ?? '');
  await recordsPage.goto(records.host.urls.desk ?? '');

  const submitted = await submitOnKiosk(request, front.host.urls.kiosk ?? '', { kind: 'help-someone', language: 'ar' });
  const frontCard = page.locator(`[data-request-id="${submitted.id}"]`);
  const recordsCard = recordsPage.locator(`[data-request-id="${submitted.id}"]`);
  await expect(frontCard).toContainText(submitted.reference);
  await expect(recordsCard).toContainText(submitted.reference);
  await expect(recordsPage.locator('[data-alert="requests"]')).toBeVisible();

  await frontCard.getByRole('button', { name: t('ack.coming-now') }).click();
  await expect(recordsCard.locator('[data-field="taken-by"]')).toContainText(`${t('state.takenBy')} Front desk`, { timeout: 15_000 });
  await expect(recordsCard.getByRole('button')).toHaveCount(0);
  await expect(recordsPage.locator('[data-alert="requests"]')).toHaveCount(0);
  await captureScreen(recordsPage, testInfo, 'desk-taken-by-other-desk');

  const onKiosk = await callOver(request, front.host.urls.kiosk ?? '', 'request.get', { id: submitted.id });
  expect(onKiosk?.acknowledgement).toMatchObject({ messageKey: 'coming-now', deskId: 'D1' });
});
