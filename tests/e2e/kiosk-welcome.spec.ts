import { captureScreen } from './support/screens.js';
import { test, expect } from './support/fixtures.js';
import { chooseLanguage, offeredLanguages, translation } from './support/languages.js';
import { shippedConfig } from './support/test-host.js';

const welcome = '[data-screen="welcome"]';

test('the kiosk welcome screen shows the agency and program from the profile, and one button per language', async ({
  page,
  origin,
  request,
}, testInfo) => {
  await page.goto('/kiosk/');
  const screen = page.locator(welcome);
  await expect(screen).toBeVisible();
  await expect(page.locator('.masthead')).toContainText("Lee's Summit Police Department");
  await expect(page.locator('.masthead')).toContainText('Safe Passage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(translation('en', 'kiosk', 'welcome.title'));

  const picker = page.getByRole('navigation', { name: translation('en', 'common', 'chooseLanguage') });
  await expect(picker.getByRole('button')).toHaveText(['English', 'Español', 'العربية', 'Tiếng Việt']);
  const languages = await offeredLanguages(request, `${origin}/kiosk/`);
  expect(languages.map((l) => l.nativeName)).toEqual(['English', 'Español', 'العربية', 'Tiếng Việt']);
  await expect(page.getByRole('button', { name: 'English', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Español', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await captureScreen(page, testInfo, 'kiosk-welcome-en');
});

test('choosing a language on the kiosk changes its text and <html lang>, and Arabic turns the page right-to-left', async ({
  page,
  origin,
  request,
}, testInfo) => {
  const languages = await offeredLanguages(request, `${origin}/kiosk/`);
  expect(languages.map((l) => l.code)).toEqual(['en', 'es', 'ar', 'vi']);
  await page.goto('/kiosk/');
  await expect(page.locator(welcome)).toBeVisible();
  const english = translation('en', 'kiosk', 'welcome.title');

  // English last, to prove the way back works too.
  for (const code of ['es', 'ar', 'vi', 'en']) {
    const language = languages.find((l) => l.code === code);
    if (!language) throw new Error(`the core does not offer ${code}`);
    await test.step(`${language.nativeName} (${code})`, async () => {
      await chooseLanguage(page, language);
      const title = translation(code, 'kiosk', 'welcome.title');
      if (code !== 'en') expect(title, `${code} has its own welcome title`).not.toBe(english);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      // Profile facts are woven into every language's text.
      await expect(page.locator('.lead')).toContainText("Lee's Summit Police Department");
      await expect(page.locator('html')).toHaveAttribute('dir', code === 'ar' ? 'rtl' : 'ltr');
      for (const other of languages) {
        const pressed = other.code === code ? 'true' : 'false';
        await expect(page.getByRole('button', { name: other.nativeName, exact: true })).toHaveAttribute('aria-pressed', pressed);
      }
      await captureScreen(page, testInfo, `kiosk-welcome-${code}`);
    });
  }
});

test('the kiosk shows whichever agency and program the loaded profile names', async ({ page, launchHost }, testInfo) => {
  const profile = shippedConfig('profile') as { agency: object; program: object };
  const { host } = await launchHost({
    profile: {
      ...profile,
      agency: { ...profile.agency, name: 'Riverton Police Department', shortName: 'Riverton Police' },
      program: { ...profile.program, name: 'Open Door' },
    },
  });
  await page.goto(host.urls.kiosk ?? '');
  const masthead = page.locator('.masthead');
  await expect(masthead).toContainText('Riverton Police Department');
  await expect(masthead).toContainText('Open Door');
  await expect(page.locator('body')).not.toContainText("Lee's Summit");
  await expect(page.locator('body')).not.toContainText('Safe Passage');
  await captureScreen(page, testInfo, 'kiosk-welcome-other-profile');
});

test('every language is drawn in the bundled Noto fonts, served by the app itself (nothing from the network)', async ({
  page,
  origin,
  request,
}) => {
  const fonts: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'font') fonts.push(response.url());
  });
  await page.goto('/kiosk/');
  await expect(page.locator(welcome)).toBeVisible();
  for (const language of await offeredLanguages(request, `${origin}/kiosk/`)) await chooseLanguage(page, language);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`),
  );
  expect(loaded).toEqual(expect.arrayContaining(['Noto Sans 400', 'Noto Sans 700', 'Noto Sans Arabic 400', 'Noto Sans Arabic 700']));
  for (const subset of ['noto-sans-latin-400', 'noto-sans-vietnamese-400', 'noto-sans-arabic-arabic-400']) {
    expect(
      fonts.some((url) => url.includes(subset)),
      `${subset} was loaded`,
    ).toBe(true);
  }
  for (const url of fonts) expect(new URL(url).origin, url).toBe(origin);
});
