import { lazy } from 'react';

/**
 * The on-screen keyboard in a chunk of its own: it brings the shared request
 * schema (and so zod) with it, which the first screen does not need (DESIGN.md
 * budget: initial JavaScript under 150 KB gzip). The kiosk fetches the chunk
 * as soon as a visit starts, so the keyboard is there when a person reaches it.
 */
const loadKeyboard = () => import('../controls/on-screen-keyboard');
/** The QR code's encoder is the largest library the kiosk has, for one screen ("Not ready today?"): loaded the same way. */
const loadQrCode = () => import('./qr-code');

export const LazyOnScreenKeyboard = lazy(async () => ({ default: (await loadKeyboard()).OnScreenKeyboard }));
export const LazyQrCode = lazy(async () => ({ default: (await loadQrCode()).QrCode }));

export function warmLazyParts(): void {
  // A failed warm-up is not an error: each part loads again when it is shown.
  loadKeyboard().catch(() => undefined);
  loadQrCode().catch(() => undefined);
}
