/**
 * The kiosk screen follows the real core through a fault, one sentence per
 * state (shared/request-status.ts): the front desk is down when the person
 * asks, comes back, has the request but does not answer within the window,
 * then answers. At no moment does the screen say more than is true, or two
 * things that contradict each other. Beside the desk, a department backend
 * on webhooks counts at the wire what the kiosk really sent.
 */
import type { Locator } from '@playwright/test';
import { test, expect } from './support/fixtures.js';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { callOver, deskConfig, kioskConfig, pairOver } from './support/desk-calls.js';
import { expectScreen, tap } from './support/kiosk-screens.js';
import { kioskText } from './support/kiosk-text.js';
import { captureScreen } from './support/screens.js';
import { freePort } from './support/test-host.js';
import { startWebhookReceiver } from './support/webhook-receiver.js';

const en = (key: string) => kioskText('en', key);

/** Exactly this headline, and only the extra sentences this state allows. */
async function expectState(
  status: Locator,
  headlineKey: string,
  extras: { stillTrying: boolean; otherWays: 'none' | 'lead' | 'also' },
  timeout = 10_000,
) {
  await expect(status.locator('.request-status__headline')).toHaveText(en(headlineKey), { timeout });
  const stillTrying = expect(status.getByText(en('fallback.stillTrying'), { exact: true }));
  await (extras.stillTrying ? stillTrying.toBeVisible() : stillTrying.toHaveCount(0));
  await expect(status.getByText(en('fallback.lead'), { exact: true })).toHaveCount(extras.otherWays === 'lead' ? 1 : 0);
  await expect(status.getByText(en('fallback.alsoLead'), { exact: true })).toHaveCount(extras.otherWays === 'also' ? 1 : 0);
}

test('desk down → "can\'t reach it yet" while trying → desk up → "the front desk has it" → not answered in time → "has it, not answered yet" → the officer\'s answer', async ({
  page,
  request,
  launchHost,
}, testInfo) => {
  test.setTimeout(90_000);
  // Beside the desk, the department's own backend: a page channel, down while the desk is down, and an escalation channel.
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const backend = await startWebhookReceiver(secret);
  const escalation = await startWebhookReceiver(secret);
  backend.setDown(true);
  const deskPort = await freePort();
  const deskData = await mkdtemp(path.join(tmpdir(), 'lobby-e2e-desk-'));
  const backDesk = () => launchHost({ desk: deskConfig({ id: 'D2', name: 'Back desk' }, deskPort), dataDir: deskData, demoPairing: false });
  const kiosk = await launchHost({
    kiosk: kioskConfig(
      { id: 'K1', location: 'Lobby kiosk 1' },
      {
        fallbackAfterSeconds: 3,
        acknowledgeWithinSeconds: 25,
        pollSeconds: 0.5,
        retry: { initialDelayMs: 100, maxDelayMs: 400 },
        channels: [
          { id: 'backend', type: 'webhook', url: backend.url, secret },
          { id: 'backend-escalation', type: 'webhook', use: 'escalation', url: escalation.url, secret },
        ],
      },
    ),
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
  const status = page.locator('main[data-screen="status"] .request-status');

  // Not delivered within fallbackAfterSeconds: the other ways to get help, and that the kiosk keeps trying.
  await expectState(status, 'status.headline.notReachedYet', { stillTrying: true, otherWays: 'lead' });
  await expect(status).toContainText(en('fallback.window'));
  await captureScreen(page, testInfo, 'kiosk-status-desk-down');

  // The desk and the backend come back: "the front desk has it", and never again "still trying".
  backend.setDown(false);
  const desk = await backDesk();
  const deskUrl = desk.host.urls.desk ?? '';
  await expectState(status, 'status.headline.delivered', { stillTrying: false, otherWays: 'none' });
  expect(escalation.arrivals, 'no escalation page before the deadline').toEqual([]);

  // Nobody answers within acknowledgeWithinSeconds: the desk has it but has not answered; the window and phone as well.
  await expectState(status, 'status.headline.notAnswered', { stillTrying: false, otherWays: 'also' }, 40_000);
  await expect(status).toContainText(en('fallback.window'));
  await captureScreen(page, testInfo, 'kiosk-status-not-answered');
  await expect.poll(() => escalation.arrivals.length, { message: 'the escalation channel is paged once the deadline passes' }).toBe(1);

  const state = await callOver(request, deskUrl, 'desk.getState', {});
  expect(state.requests).toHaveLength(1);
  const [onDesk] = state.requests;
  await callOver(request, deskUrl, 'desk.acknowledge', { id: onDesk?.id ?? '', messageKey: 'coming-now' });
  await expectState(status, 'status.headline.acknowledged', { stillTrying: false, otherWays: 'none' });
  await expect(status.locator('.request-status__answer')).toHaveText(en('status.ack.comingNow'));
  await captureScreen(page, testInfo, 'kiosk-status-recovered-and-answered');
  // One request on the desk, though the kiosk tried many times.
  expect((await callOver(request, deskUrl, 'desk.getState', {})).requests, 'requests the desk holds').toHaveLength(1);
  // The desk de-duplicates, so it cannot show how often the request was sent; the backend's wire can. It was tried
  // during the outage, accepted exactly once, and never sent again after that; the escalation channel was paged once.
  const id = onDesk?.id ?? '';
  expect(backend.refused.concat(escalation.refused), 'every message was signed and followed the contract').toEqual([]);
  expect(new Set(backend.arrivals.map((a) => a.requestId)), 'the backend heard of this request only').toEqual(new Set([id]));
  const refusedTries = backend.arrivals.filter((a) => a.status === 503).length;
  expect(refusedTries, 'tries the backend refused while it was down').toBeGreaterThanOrEqual(1);
  expect(backend.arrivals.slice(refusedTries), 'after the outage: one delivery, then nothing').toEqual([{ requestId: id, status: 200 }]);
  expect(escalation.arrivals, 'escalation pages').toEqual([{ requestId: id, status: 200 }]);
  await Promise.all([backend.close(), escalation.close()]);
  await rm(deskData, { recursive: true, force: true });
});
