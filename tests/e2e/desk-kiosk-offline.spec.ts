/**
 * A kiosk that goes silent shows offline on the desk, with an alert, while a
 * kiosk that keeps its heartbeat stays online.
 */
import { expectNoAxeViolations } from './support/axe.js';
import { deskConfig, kioskConfig, pairOver } from './support/desk-calls.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';

const t = (key: string) => translation('en', 'desk', key);

test("closing a kiosk's host turns it offline on the desk after offlineAfterSeconds", async ({ page, launchHost, request }, testInfo) => {
  test.setTimeout(60_000);
  const port = await freePort();
  const desk = await launchHost({
    desk: { ...deskConfig({ id: 'D1', name: 'Front desk' }, port), kiosks: { offlineAfterSeconds: 10 } },
    kiosk: kioskConfig({ id: 'K2', location: 'Side entrance kiosk' }, { heartbeatSeconds: 1 }),
  });
  const lobby = await launchHost({
    kiosk: kioskConfig({ id: 'K1', location: 'Lobby kiosk 1' }, { heartbeatSeconds: 1 }),
    demoPairing: false,
  });
  await pairOver(request, desk.host.urls.desk ?? '', lobby.host.urls.kiosk ?? '');
  await page.goto(desk.host.urls.desk ?? '');
  const lobbyStatus = page.locator('[data-kiosk-id="K1"] [data-field="kiosk-status"]');
  const sideStatus = page.locator('[data-kiosk-id="K2"] [data-field="kiosk-status"]');
  await expect(lobbyStatus).toHaveText(new RegExp(t('kiosks.online')));
  await expect(sideStatus).toHaveText(new RegExp(t('kiosks.online')));
  await expect(page.locator('[data-alert="kiosk-offline"]')).toHaveCount(0);

  await lobby.close();
  await expect(lobbyStatus).toHaveText(new RegExp(t('kiosks.offline')), { timeout: 20_000 });
  await expect(page.locator('[data-alert="kiosk-offline"]')).toContainText(`${t('kiosks.offlineAlert')} Lobby kiosk 1 (K1)`);
  await expect(sideStatus).toHaveText(new RegExp(t('kiosks.online')));
  await expectNoAxeViolations(page, 'desk with a kiosk offline');
  await captureScreen(page, testInfo, 'desk-kiosk-offline-en');
});
