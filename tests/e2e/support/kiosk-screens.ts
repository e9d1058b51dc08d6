import { expect, type Page } from '@playwright/test';
import { faqTopics } from '../../../renderer/src/kiosk/session/screens.js';
import type { LanguageInfo } from '../../../shared/bootstrap.js';
import type { AckMessageKey } from '../../../shared/request-rules.js';
import { kioskText, startsWith } from './kiosk-text.js';

/** Taps the button whose name starts with the kiosk string `key` in `language`, counting the tap. */
export async function tap(page: Page, language: string, key: string, options: { exact?: boolean; namespace?: string } = {}): Promise<void> {
  const text = kioskText(language, key, {}, options.namespace);
  await page.getByRole('button', { name: options.exact ? text : startsWith(text), exact: options.exact ?? false }).click();
}

/**
 * Skips the first-name step once its keyboard is drawn: the keyboard's chunk can arrive after the step (a busy
 * machine). Its place is held meanwhile, so Skip no longer moves (kiosk-name-keyboard.spec.ts), but the step is
 * only complete, and a test only sees what a person would, once the keyboard is there.
 */
export async function skipName(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: kioskText('en', 'request.name.keyboard') })).toBeVisible();
  await tap(page, 'en', 'request.name.skip', { exact: true });
}

/** Waits until the kiosk shows the screen with this data-screen id, with its heading focused. */
export async function expectScreen(page: Page, id: string): Promise<void> {
  await expect(page.locator(`main[data-screen="${id}"]`)).toBeVisible();
  await expect(page.locator(`main[data-screen="${id}"] h1`)).toBeFocused();
}

/** Changes language from any screen: the welcome screen's buttons, or the "Language" menu elsewhere. */
export async function switchLanguage(page: Page, from: string, to: LanguageInfo): Promise<void> {
  const button = page.getByRole('button', { name: to.nativeName, exact: true });
  if (!(await button.isVisible())) await tap(page, from, 'language', { namespace: 'common', exact: true });
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('lang', to.code);
  await expect(page.locator('html')).toHaveAttribute('dir', to.dir);
}

export type ScreenVisit = {
  /** The screen's data-screen id. */
  id: string;
  /** True when reaching it sends a request (the emergency page, the status after Send). */
  sends: boolean;
  /** Goes there from the welcome screen, in English. */
  visit(page: Page): Promise<void>;
};

const en = 'en';
const start = (page: Page) => tap(page, en, 'welcome.start');

/** How to reach every screen of the kiosk from the welcome screen. */
export const kioskScreens: ScreenVisit[] = [
  { id: 'welcome', sends: false, visit: async () => {} },
  { id: 'home', sends: false, visit: start },
  {
    id: 'program',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.learn');
    },
  },
  {
    id: 'faq',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.faq');
    },
  },
  ...faqTopics.map((topic) => ({
    id: `faq-${topic}`,
    sends: false,
    visit: async (page: Page) => {
      await start(page);
      await tap(page, en, 'home.faq');
      await tap(page, en, `faq.topics.${topic}.question`, { exact: true });
    },
  })),
  {
    id: 'drop-off',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.dropOff');
    },
  },
  {
    id: 'not-ready',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.notReady');
    },
  },
  {
    id: 'request-danger',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.helpSelf');
    },
  },
  {
    id: 'request-name',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.helpSelf');
      await tap(page, en, 'request.danger.no', { exact: true });
      // The keyboard is its own chunk: the screen is complete once it is there.
      await expect(page.getByRole('group', { name: kioskText(en, 'request.name.keyboard') })).toBeVisible();
    },
  },
  {
    id: 'request-items',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.helpSelf');
      await tap(page, en, 'request.danger.no', { exact: true });
      await skipName(page);
    },
  },
  {
    id: 'request-review',
    sends: false,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.helpSomeone');
      await tap(page, en, 'request.danger.no', { exact: true });
      await skipName(page);
      await tap(page, en, 'request.items.yes', { exact: true });
    },
  },
  {
    id: 'status',
    sends: true,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.helpSelf');
      await tap(page, en, 'request.danger.no', { exact: true });
      await skipName(page);
      await tap(page, en, 'request.items.no', { exact: true });
      await tap(page, en, 'request.review.send', { exact: true });
    },
  },
  {
    id: 'emergency',
    sends: true,
    visit: async (page) => {
      await start(page);
      await tap(page, en, 'home.emergency');
    },
  },
];

/**
 * The screens photographed a second time once the desk has not answered in
 * time ("not-answered" in shared/request-status.ts): the other ways to get
 * help are added, the tallest state each has (tests/e2e/kiosk-layout.spec.ts).
 */
export const notAnsweredScreens: readonly string[] = ['status', 'emergency'];

/** The screenshot name of a screen in its "no answer yet" state. */
export const notAnsweredShot = (id: string): string => `${id}-not-answered`;

/**
 * The screens photographed once more after the officer's answer: the status
 * screen with "about 5 minutes", the emergency screen with "We called 911"
 * (its banner changes too). The answer box and its time are added; the
 * screen stays until answeredStaySeconds (tests/e2e/kiosk-layout.spec.ts).
 */
export const answeredShots: readonly { id: string; messageKey: AckMessageKey; shot: string }[] = [
  { id: 'status', messageKey: 'wait-5-minutes', shot: 'status-answered' },
  { id: 'emergency', messageKey: 'called-911', shot: 'emergency-called-911' },
];
