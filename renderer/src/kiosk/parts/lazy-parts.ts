import { lazy } from 'react';

/**
 * The on-screen keyboard in a chunk of its own: it brings the shared request
 * schema (and so zod) with it, which the first screen does not need (DESIGN.md
 * budget: initial JavaScript under 150 KB gzip). The kiosk fetches the chunk
 * as soon as a visit starts, so the keyboard is there when a person reaches it.
 */
const loadKeyboard = () => import('../controls/on-screen-keyboard');

export const LazyOnScreenKeyboard = lazy(async () => ({ default: (await loadKeyboard()).OnScreenKeyboard }));

export function warmLazyParts(): void {
  // A failed warm-up is not an error: the keyboard loads again when it is shown.
  loadKeyboard().catch(() => undefined);
}
