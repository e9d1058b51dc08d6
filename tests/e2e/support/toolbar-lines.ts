/**
 * How the kiosk's tool labels sit in their buttons: the lines each label takes,
 * its text size, and the bar's height. A label on three lines makes the bar
 * tall and its words hard to take in at a glance from arm's length.
 */
import type { Page } from '@playwright/test';

/** One tool button as drawn. */
export type ToolLabel = { label: string; lines: number; fontPx: number };

/** Each visible tool-bar button's label, the lines it is drawn on, and its text size; and the bar's height. */
export async function toolLabels(page: Page): Promise<{ tools: ToolLabel[]; barPx: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector<HTMLElement>('.toolbar');
    const buttons = [...(bar?.querySelectorAll<HTMLElement>('button') ?? [])].filter(
      (button) => !button.closest('.language-menu__panel') && button.getClientRects().length > 0,
    );
    const tools = buttons.map((button) => {
      // A line is a distinct row of text boxes: count the rows the label's words are drawn on.
      // Text only: an icon or a wrapping element's own box is not a line of words.
      const rows: number[] = [];
      const words = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let text = words.nextNode(); text; text = words.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(text);
        for (const box of range.getClientRects()) {
          if (box.width === 0 || box.height === 0) continue;
          const middle = (box.top + box.bottom) / 2;
          if (!rows.some((row) => Math.abs(row - middle) < box.height / 2)) rows.push(middle);
        }
      }
      return {
        label: (button.textContent ?? '').trim(),
        lines: rows.length,
        fontPx: Number.parseFloat(getComputedStyle(button).fontSize),
      };
    });
    return { tools, barPx: bar?.getBoundingClientRect().height ?? 0 };
  });
}

/** The tools whose label takes more than `most` lines, one line of text each. */
export function labelsOverLines(tools: readonly ToolLabel[], most: number): string[] {
  return tools.filter((tool) => tool.lines > most).map((tool) => `[${tool.label}] takes ${tool.lines} lines`);
}
