import type { Page } from '@playwright/test';

/** The kiosk's rule (WCAG 2.5.8 asks 24 px; a lobby touchscreen needs more): every target 48×48 CSS px or larger. */
export const minimumTargetPx = 48;
/** And at least this much space between any two targets, so a finger cannot press two. */
export const minimumSpacingPx = 8;

export type TargetProblem = { element: string; problem: string };

/**
 * Measures every control a person can touch on the page as it is now:
 * buttons, links, fields and anything else in the tab order, if visible and not inert.
 */
export async function touchTargetProblems(page: Page): Promise<TargetProblem[]> {
  return page.evaluate(
    ({ size, spacing }) => {
      const selector = 'button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
      const describe = (element: Element) => {
        const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        return `<${element.tagName.toLowerCase()}> "${text || element.getAttribute('aria-label') || ''}"`;
      };
      const targets = [...document.querySelectorAll(selector)]
        .filter((element) => !element.closest('[inert]') && !element.closest('[hidden]'))
        .map((element) => ({ element, rect: element.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && rect.height > 0);
      // A bar pinned to the screen (position sticky or fixed) covers whatever scrolls beneath it, so a
      // finger never meets both at one spot: targets are spaced against others on the same layer only.
      const pinned = (element: Element) => {
        for (let node: Element | null = element; node; node = node.parentElement) {
          const { position } = getComputedStyle(node);
          if (position === 'sticky' || position === 'fixed') return true;
        }
        return false;
      };
      const problems: Array<{ element: string; problem: string }> = [];
      for (const { element, rect } of targets) {
        if (rect.width < size || rect.height < size) {
          problems.push({ element: describe(element), problem: `${Math.round(rect.width)}×${Math.round(rect.height)} px` });
        }
      }
      for (let i = 0; i < targets.length; i += 1) {
        for (let j = i + 1; j < targets.length; j += 1) {
          const a = targets[i]!;
          const b = targets[j]!;
          if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
          if (pinned(a.element) !== pinned(b.element)) continue;
          const dx = Math.max(0, a.rect.left - b.rect.right, b.rect.left - a.rect.right);
          const dy = Math.max(0, a.rect.top - b.rect.bottom, b.rect.top - a.rect.bottom);
          const gap = Math.max(dx, dy);
          if (gap < spacing) {
            problems.push({ element: `${describe(a.element)} and ${describe(b.element)}`, problem: `${gap.toFixed(1)} px apart` });
          }
        }
      }
      return problems;
    },
    { size: minimumTargetPx, spacing: minimumSpacingPx },
  );
}
