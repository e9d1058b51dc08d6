/**
 * Measures how a screen sits on a real display: the kiosk's touchscreens
 * (portrait, landscape, an older 5:4 one) and the desk's monitors. Each check
 * returns a list of problems, one line each, so a failing test says which
 * element and by how much.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './paths.js';

export type Viewport = { name: string; width: number; height: number };

/** The kiosk's displays: a 24–32 inch touchscreen standing upright or on its side, and an older 1280×1024 panel. */
export const kioskDisplays = {
  portrait: { name: 'portrait', width: 1080, height: 1920 },
  landscape: { name: 'landscape', width: 1920, height: 1080 },
  older: { name: 'older-5x4', width: 1280, height: 1024 },
} as const satisfies Record<string, Viewport>;

/** The front-desk PC: a small laptop panel and a common monitor. */
export const deskDisplays = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const satisfies readonly Viewport[];

/** The desk screens tests/e2e/desk-screens.spec.ts photographs, in the order a contact sheet shows them. */
export const deskViews = ['live', 'history', 'report', 'answered'] as const;

/** Where the e2e suite keeps its screenshots of every screen (gitignored), read by `npm run screens`. */
export const screensDir = path.join(repoRoot, 'test-results', 'screens');

/** Resizes the page and waits until fonts are in and the new layout has been painted. */
export async function showOn(page: Page, display: Viewport): Promise<void> {
  await page.setViewportSize({ width: display.width, height: display.height });
  await settled(page);
}

/** Fonts loaded and two frames painted: the layout the person would see now. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  });
}

/** Writes what the viewport shows (not the full page: the screen as it stands) to test-results/screens/<parts>.png. */
export async function keepScreenshot(page: Page, ...parts: string[]): Promise<string> {
  const file = path.join(screensDir, ...parts.slice(0, -1), `${parts.at(-1) ?? 'screen'}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  // From the top, as the screen opens: a tap earlier in the test may have scrolled it.
  await page.evaluate(() => window.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
  await writeFile(file, await page.screenshot({ fullPage: false }));
  return file;
}

/**
 * Content that does not fit its box: the page scrolling sideways, or any
 * element whose content is wider than the element (text cut off or spilling
 * over its neighbour), or taller than a box that hides its overflow.
 * Scroll boxes (overflow auto/scroll) are allowed to be wider inside: they
 * can be scrolled. Screen-reader-only text is skipped.
 */
export async function clippingProblems(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const className = typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0]}` : '';
      return `<${element.tagName.toLowerCase()}${className}> "${text}"`;
    };
    const page = document.scrollingElement ?? document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1)
      problems.push(`the page scrolls sideways: ${page.scrollWidth} px wide in a ${page.clientWidth} px window`);
    const root = document.querySelector(rootSelector);
    if (!root) return [`nothing matches ${rootSelector}`];
    for (const element of root.querySelectorAll('*')) {
      if (!(element instanceof HTMLElement)) continue;
      if (element.closest('[hidden], .visually-hidden, [inert]')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.display === 'contents' || style.display === 'inline') continue;
      if (element.clientWidth === 0 && element.clientHeight === 0) continue;
      const scrollsX = style.overflowX === 'auto' || style.overflowX === 'scroll';
      const scrollsY = style.overflowY === 'auto' || style.overflowY === 'scroll';
      if (!scrollsX && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`${describe(element)}: content ${element.scrollWidth} px wide in ${element.clientWidth} px`);
      }
      if (!scrollsY && style.overflowY !== 'visible' && element.scrollHeight > element.clientHeight + 1) {
        problems.push(`${describe(element)}: content ${element.scrollHeight} px tall in ${element.clientHeight} px, the rest hidden`);
      }
      const rect = element.getBoundingClientRect();
      if (rect.left < -1 || rect.right > window.innerWidth + 1) {
        problems.push(
          `${describe(element)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px, outside the ${window.innerWidth} px window`,
        );
      }
    }
    return problems;
  }, within);
}

/**
 * Text smaller than the scale allows: every element inside `within` that
 * shows text of its own (a non-blank text node) is at least `body` CSS px, and
 * every h1 at least `heading` px.
 */
export async function typeScaleProblems(page: Page, minimum: { body: number; heading: number }, within = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, body, heading }) => {
      const problems: string[] = [];
      const root = document.querySelector(rootSelector);
      if (!root) return [`nothing matches ${rootSelector}`];
      for (const element of root.querySelectorAll('*')) {
        if (!(element instanceof HTMLElement)) continue;
        if (element.closest('[hidden], .visually-hidden, [inert]')) continue;
        const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
        if (!ownText || element.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        const least = element.tagName === 'H1' ? heading : body;
        if (size + 0.05 < least) {
          problems.push(
            `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 40)}": ${size.toFixed(1)} px, under ${least} px`,
          );
        }
      }
      return problems;
    },
    { rootSelector: within, ...minimum },
  );
}

/**
 * Buttons a person cannot reach: each one is scrolled into view as a person
 * would scroll, and must then lie inside the window and be the element found
 * at its own centre (not hidden under something else or clipped away).
 */
export async function unreachableButtons(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate(async (rootSelector) => {
    const problems: string[] = [];
    const root = document.querySelector(rootSelector);
    if (!root) return [`nothing matches ${rootSelector}`];
    const buttons = [...root.querySelectorAll('button, a[href], summary, input, select')].filter(
      (element): element is HTMLElement =>
        element instanceof HTMLElement && !element.closest('[hidden], [inert]') && element.getClientRects().length > 0,
    );
    for (const button of buttons) {
      button.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const rect = button.getBoundingClientRect();
      const name =
        (button.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || button.getAttribute('aria-label') || button.tagName;
      if (rect.left < -1 || rect.top < -1 || rect.right > window.innerWidth + 1 || rect.bottom > window.innerHeight + 1) {
        problems.push(
          `"${name}" is outside the window even when scrolled to: ${Math.round(rect.left)},${Math.round(rect.top)} to ${Math.round(rect.right)},${Math.round(rect.bottom)}`,
        );
        continue;
      }
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      if (!hit || !(hit === button || button.contains(hit))) {
        problems.push(
          `"${name}" is covered at its centre by ${hit ? `<${hit.tagName.toLowerCase()}> "${(hit.textContent ?? '').trim().slice(0, 30)}"` : 'nothing (clipped)'}`,
        );
      }
    }
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    return problems;
  }, within);
}

/**
 * Where things sit on a kiosk screen, as the layout promises:
 * - the question (h1) starts in the top third, the answers within the upper two thirds;
 * - the tool bar ends at the bottom edge of the display;
 * - the screen reaches down to the tool bar: no blank band between the
 *   screen's last row and the tools (the screen is used top to bottom);
 * - where asked (portrait), the screen's first row of actions is below the
 *   top third. On a 32-inch portrait screen (about 0.71 m tall) standing
 *   0.75 m off the floor, the top third is above 1.22 m, out of the ADA's
 *   forward reach range; everything below it is within reach;
 * - where asked (the standard displays at the default text size), the whole
 *   screen fits: nothing waits under the tool bar for a scroll that a person
 *   at a kiosk would not think to make.
 */
export async function zoneProblems(page: Page, options: { actionsLow: boolean; fits: boolean }): Promise<string[]> {
  return page.evaluate(({ actionsLow, fits }) => {
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    const problems: string[] = [];
    const height = window.innerHeight;
    const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top;
    const heading = top('main h1');
    if (heading === undefined || heading > height / 3)
      problems.push(`the heading starts at ${heading} px, below the top third of ${height} px`);
    const answers = top('main .yes-no, main .choices, main .question-list');
    if (answers !== undefined && answers > (height * 2) / 3)
      problems.push(`the answers start at ${Math.round(answers)} px, below two thirds of ${height} px`);
    const tools = document.querySelector('.toolbar')?.getBoundingClientRect();
    const main = document.querySelector('main');
    const last = main?.lastElementChild?.getBoundingClientRect();
    if (!tools || !main || !last) return [...problems, 'no tool bar, or an empty screen'];
    if (Math.abs(tools.bottom - height) > 1)
      problems.push(`the tool bar ends at ${Math.round(tools.bottom)} px, not at the bottom edge (${height} px)`);
    const band = tools.top - last.bottom - parseFloat(getComputedStyle(main).paddingBlockEnd);
    if (band > 1) problems.push(`a blank band ${Math.round(band)} px tall between the screen's last row and the tool bar`);
    const actions = top('main > .screen-actions, main > .button--start');
    if (actionsLow && actions !== undefined && actions < height / 3)
      problems.push(`the first actions start at ${Math.round(actions)} px, in the top third of ${height} px`);
    const pageHeight = (document.scrollingElement ?? document.documentElement).scrollHeight;
    if (fits && pageHeight > height + 1)
      problems.push(`the screen is ${pageHeight - height} px taller than the display: its last rows wait under the tool bar`);
    return problems;
  }, options);
}

/**
 * The tool bar's controls not on one row: they sit in one row along the
 * bottom edge, in the same place on every screen and in every language (a
 * second row pushes the screen up and moves the tools from under the finger).
 * The open language list, which opens above the tools, is not one of them.
 */
export async function toolbarRowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('.toolbar button')].filter(
      (button) => !button.closest('.language-menu__panel') && button.getClientRects().length > 0,
    );
    if (controls.length === 0) return ['no tool bar controls'];
    const rows = new Map<number, string[]>();
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // One row: every control's vertical middle within a pixel of the others'.
      const middle = [...rows.keys()].find((m) => Math.abs(m - (box.top + box.bottom) / 2) <= 1) ?? (box.top + box.bottom) / 2;
      rows.set(middle, [...(rows.get(middle) ?? []), (control.textContent ?? '').trim() || (control.getAttribute('aria-label') ?? '?')]);
    }
    if (rows.size === 1) return [];
    const listed = [...rows.entries()].sort(([a], [b]) => a - b).map(([, names]) => `[${names.join(' | ')}]`);
    return [`the tool bar takes ${rows.size} rows: ${listed.join(' / ')}`];
  });
}

/** Controls shorter than `minimum` CSS px inside `within`: a lobby touchscreen is used standing, often in a hurry. */
export async function shortTargets(page: Page, minimum: number, within = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, least }) =>
      [...(document.querySelector(rootSelector)?.querySelectorAll('button, a[href], input') ?? [])]
        .filter((element) => !element.closest('[hidden], [inert]') && element.getClientRects().length > 0)
        .map((element) => ({ element, height: element.getBoundingClientRect().height }))
        .filter(({ height }) => height + 0.5 < least)
        .map(
          ({ element, height }) =>
            `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 30)}": ${Math.round(height)} px tall`,
        ),
    { rootSelector: within, least: minimum },
  );
}
