/**
 * The kiosk screen follows the real core through a fault: the front desk is
 * down when the person asks, comes back later, and then answers. At no
 * moment does the screen say more than is true.
 */
import { test, expect } from './support/fixtures.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callOver, deskConfig, kioskConfig, pairOver } from './support/desk-calls.js';
import { expectScreen, tap } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';

test('the desk is down when a person asks: saved, then the other ways to get help while it keeps trying, then "the front desk has it" once the desk is back, then the answer', async ({ page, request, launchHost }, testInfo) => {
  const deskPort = await freePort();
  const deskData = await mkdtemp(path.join(tmpdir(), 'lobby-e2e-desk-'));
  const backDesk = () => launchHost({ desk: deskConfig({ id: 'D2', name: 'Back desk' }, deskPort), dataDir: deskData, demoPairing: false });
  const kiosk = await launchHost({
    kiosk: kioskConfig({ id: 'K1', location: 'Lobby kiosk 1' }, {
      fallbackAfterSeconds: 3,
      pollSeconds: 0.5,
      retry: { initialDelayMs: 100, maxDelayMs: 400 },
    }),
    demoPairing: false,
  });
  // Paired with the back desk, which then goes down.
  const before = await backDesk();
  await pairOver(request, before.host.urls.desk ?? '', kiosk.host.urls.kiosk ?? '');
  await before.close();
  await page.goto(kiosk.host.urls.kiosk ?? '');
  await expectScreen(page, 'welcome');
  await tap(page, 'en', 'welcome.start');
  await expectScreen(page, 'home');
  await tap(page, 'en', 'home.helpSelf');
  await tap(page, 'en', 'request.danger.no', { exact: true });
  await tap(page, 'en', 'request.name.skip', { exact: true });
  await tap(page, 'en', 'request.items.no', { exact: true });
  await tap(page, 'en', 'request.review.send', { exact: true });
  await expectScreen(page, 'status');

  const status = page.locator('main[data-screen="status"]');
  // Saved, not delivered: nothing reassuring beyond that.
  await expect(status).toContainText(kioskText('en', 'status.headline.captured'));
  await expect(status).not.toContainText(kioskText('en', 'status.headline.delivered'));
  // Late: the other ways to get help, while the kiosk keeps trying.
  await expect(status).toContainText(kioskText('en', 'fallback.window'));
  await expect(status).toContainText(kioskText('en', 'fallback.stillTrying'));
  await captureScreen(page, testInfo, 'kiosk-status-desk-down');

  // The desk comes back on the port the kiosk pages.
  const desk = await backDesk();
  await expect(status).toContainText(kioskText('en', 'status.headline.delivered'));
  const state = await callOver(request, desk.host.urls.desk ?? '', 'desk.getState', {});
  expect(state.requests).toHaveLength(1);
  const [onDesk] = state.requests;

  await callOver(request, desk.host.urls.desk ?? '', 'desk.acknowledge', { id: onDesk?.id ?? '', messageKey: 'coming-now' });
  await expect(status).toContainText(kioskText('en', 'status.ack.comingNow'));
  await captureScreen(page, testInfo, 'kiosk-status-recovered-and-answered');
  // Delivered exactly once, though the kiosk tried many times.
  expect((await callOver(request, desk.host.urls.desk ?? '', 'desk.getState', {})).requests).toHaveLength(1);
  await rm(deskData, { recursive: true, force: true });
});
