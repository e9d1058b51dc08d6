import { deviceConfigSchema } from '../../shared/config.js';
import { describeIssues } from '../../shared/dispatch.js';
import { expectNoAxeViolations } from './support/axe.js';
import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { translation } from './support/languages.js';
import { watchPageProblems } from './support/page-problems.js';
import { shippedConfig } from './support/test-host.js';

const outOfService = '[data-screen="out-of-service"][data-reason="config"]';
/** The core polls config files every 2 s; a fixed file shows within a few polls. */
const recoveryTimeout = 10_000;

const validKiosk = shippedConfig('kiosk');
const badKiosk = { ...validKiosk, kiosk: { id: 'lobby one', location: 'Lobby kiosk 1' } };

/** What the schema says about badKiosk, word for word: the lines the log must carry. */
function expectedProblems(): string[] {
  const parsed = deviceConfigSchema.safeParse(badKiosk);
  if (parsed.success) throw new Error('badKiosk must be invalid');
  return describeIssues(parsed.error.issues).map((issue) => issue.message);
}

test('an invalid kiosk config shows the public a calm out-of-service screen, logs the exact problem, and recovers by itself once the file is fixed', async ({
  page,
  launchHost,
}, testInfo) => {
  const problems = await watchPageProblems(page);
  const { host, logs, files, rewrite } = await launchHost({ kiosk: badKiosk });
  const kioskFile = files.kiosk ?? '';

  // The log says exactly what is wrong and in which file.
  const expected = expectedProblems();
  expect(expected, 'the problem names the field').toEqual([expect.stringMatching(/^kiosk\.id: /)]);
  const problem = logs.find((entry) => entry.message === expected[0]);
  expect(problem, `a log line "${expected[0]}"; the log was:\n${logs.map((e) => JSON.stringify(e)).join('\n')}`).toMatchObject({
    level: 'error',
    area: 'host.kiosk.config',
    fields: { file: kioskFile },
  });

  // The public sees a calm screen that points to a person, and nothing technical.
  await page.goto(host.urls.kiosk ?? '');
  await expect(page.locator(outOfService)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(translation('en', 'common', 'outOfService.title'));
  await expect(page.locator(outOfService)).toContainText(translation('en', 'common', 'outOfService.body'));
  await expect(page.locator(outOfService)).toContainText('call 911');
  await expect(page.locator(outOfService)).toContainText('(816) 969-7390');
  const shown = await page.locator('body').innerText();
  for (const detail of [kioskFile, 'kiosk.json', 'kiosk.id', 'lobby one', ...expected, '/tmp', '.json', 'schema', 'invalid', 'error']) {
    expect(shown.toLowerCase(), `the public screen must not show "${detail}"`).not.toContain(detail.toLowerCase());
  }
  await captureScreen(page, testInfo, 'out-of-service-en');

  // An administrator fixes the file; the same open page recovers without a reload.
  await page.evaluate(() => {
    (window as unknown as { __samePage?: boolean }).__samePage = true;
  });
  await rewrite('kiosk', validKiosk);
  await expect(page.locator('[data-screen="welcome"]')).toBeVisible({ timeout: recoveryTimeout });
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage), 'the page was not reloaded').toBe(true);
  expect(logs.some((entry) => entry.message === 'configuration loaded' && entry.fields?.file === kioskFile)).toBe(true);
  await captureScreen(page, testInfo, 'out-of-service-recovered-welcome');

  expect(problems.cspViolations).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test('a kiosk config that is not JSON at all also gives the calm screen, with the parse error in the log only', async ({
  page,
  launchHost,
}, testInfo) => {
  const { host, logs, files } = await launchHost({ kiosk: '{ "schemaVersion": 1, "role": "kiosk", ' });
  const problem = logs.find((entry) => entry.level === 'error' && entry.message.startsWith('not valid JSON'));
  expect(problem?.fields?.file).toBe(files.kiosk);

  await page.goto(host.urls.kiosk ?? '');
  await expect(page.locator(outOfService)).toBeVisible();
  const shown = (await page.locator('body').innerText()).toLowerCase();
  expect(shown).not.toContain('json');
  expect(shown).not.toContain(problem?.message.toLowerCase() ?? 'not valid json');
  await captureScreen(page, testInfo, 'out-of-service-not-json');
});

test('a broken agency profile takes both kiosk and desk out of service, still telling the public to call 911', async ({
  page,
  launchHost,
}, testInfo) => {
  const profileWithoutPhones = shippedConfig('profile');
  delete profileWithoutPhones.phones;
  const { host, logs } = await launchHost({ profile: profileWithoutPhones });
  expect(logs.some((entry) => entry.level === 'error' && entry.message.startsWith('phones:'))).toBe(true);

  for (const role of ['kiosk', 'desk'] as const) {
    await page.goto(host.urls[role] ?? '');
    await expect(page.locator(outOfService)).toBeVisible();
    await expect(page.locator(outOfService)).toContainText('call 911');
    await expect(page.locator(outOfService)).not.toContainText('phones');
    await captureScreen(page, testInfo, `out-of-service-no-profile-${role}`);
    await expectNoAxeViolations(page, `out-of-service without a profile (${role})`);
  }
});

test('when the page cannot reach its core, the public sees the calm lost-connection screen', async ({ page }, testInfo) => {
  await page.route('**/api/call/app.getBootstrap', (route) => route.abort('connectionrefused'));
  // The host serves its page with the bootstrap in it; a page that came without it must ask, and cannot.
  await page.route('**/kiosk/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script type="application\/json" id="lobby-bootstrap">.*?<\/script>/s, '');
    await route.fulfill({ response, body });
  });
  await page.goto('/kiosk/');
  const screen = page.locator('[data-screen="out-of-service"][data-reason="connection"]');
  await expect(screen).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(translation('en', 'common', 'outOfService.title'));
  await expect(screen).toContainText(translation('en', 'common', 'connectionLost'));
  await expect(screen).toContainText('call 911');
  await captureScreen(page, testInfo, 'out-of-service-connection');
  await expectNoAxeViolations(page, 'out-of-service (lost connection)');
});
