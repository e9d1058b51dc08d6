import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import vietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';

/** Latin Extended's characters (the @fontsource subset's unicode-range). */
const latinExt =
  'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF';
/** Vietnamese's characters beyond Latin (the @fontsource subset's unicode-range). */
const vietnamese =
  'U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB';

type Face = { family: string; url: string; weight: '400' | '700'; unicodeRange?: string };

/** The bundled faces beyond the Latin ones in styles/kiosk-fonts.css: Latin Extended, Vietnamese, Arabic. */
export const laterFaces: readonly Face[] = [
  { family: 'Noto Sans', url: latinExt400, weight: '400', unicodeRange: latinExt },
  { family: 'Noto Sans', url: latinExt700, weight: '700', unicodeRange: latinExt },
  { family: 'Noto Sans', url: vietnamese400, weight: '400', unicodeRange: vietnamese },
  { family: 'Noto Sans', url: vietnamese700, weight: '700', unicodeRange: vietnamese },
  { family: 'Noto Sans Arabic', url: arabic400, weight: '400' },
  { family: 'Noto Sans Arabic', url: arabic700, weight: '700' },
];

/**
 * Adds the faces beyond Latin to the page's fonts, each still fetched only
 * when text needs it (its unicode-range; the Arabic family when a character
 * is not in Noto Sans), and shown as it arrives (display: swap), as in CSS.
 * Added once the first screen is on screen, not in the stylesheet: the
 * welcome screen's language buttons ("Tiếng Việt", "العربية") would start
 * two of them as the screen is first laid out, and they arrived while that
 * screen's frame was still being drawn, so the page laid out and drew again
 * in the middle of its first paint. Before they arrive those two buttons show
 * a fallback face, as they did at the first paint before.
 */
export function addLaterFonts(fonts: FontFaceSet = document.fonts): void {
  for (const { family, url, weight, unicodeRange } of laterFaces)
    fonts.add(
      new FontFace(family, `url(${JSON.stringify(url)}) format('woff2')`, {
        weight,
        style: 'normal',
        display: 'swap',
        ...(unicodeRange ? { unicodeRange } : {}),
      }),
    );
}

/**
 * Resolves once the page's first contentful paint has been presented (the
 * browser reports it after the frame is on screen), or after `latestMs`
 * without one (a hidden window, a browser without paint timing). Adding
 * faces makes the page lay its text out again; done before then, that would
 * compete with drawing the first screen.
 */
export function afterFirstScreenShown(latestMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, latestMs);
    if (typeof PerformanceObserver !== 'function' || !(PerformanceObserver.supportedEntryTypes ?? []).includes('paint')) return;
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      clearTimeout(late);
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
