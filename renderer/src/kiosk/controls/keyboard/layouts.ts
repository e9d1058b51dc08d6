import { arabicLayout } from './arabic';
import type { KeyboardLayout } from './layout';
import { latinLayout } from './latin';
import { vietnameseLayout } from './vietnamese';

/** Every layout, in the order offered after the language's own. A new script is one line here. */
export const allLayouts: readonly KeyboardLayout[] = [latinLayout, arabicLayout, vietnameseLayout];

/**
 * The layouts offered to a reader of `language`, their own first. All are
 * offered because a person's name may be in another script than the screen.
 */
export function layoutsFor(language: string): readonly KeyboardLayout[] {
  const base = language.split('-')[0] ?? language;
  const own = allLayouts.filter((layout) => layout.primaryFor.includes(base));
  return [...own, ...allLayouts.filter((layout) => !own.includes(layout))];
}
