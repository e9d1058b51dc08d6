import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-config.js';

const stylesDir = path.join(repoRoot, 'renderer', 'src', 'styles');
const sheets = ['app.css', 'kiosk.css', 'kiosk-layout.css', 'kiosk-fonts.css', 'desk.css'];

/** Physical directions that would not mirror for Arabic; the logical ones (inline-start…) do. */
const physical =
  /(?:margin|padding|border|inset)-(?:left|right|top|bottom)\b|(?:^|[\s;{])(?:left|right|top|bottom)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)/m;

describe("the kiosk's styles", () => {
  it.each(sheets)('%s uses logical properties only, so right-to-left languages mirror the whole layout', (sheet) => {
    const css = readFileSync(path.join(stylesDir, sheet), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(physical);
  });

  it('the check catches a physical property', () => {
    expect('.x { margin-left: 1rem; }').toMatch(physical);
    expect('.x { left: 0; }').toMatch(physical);
    expect('.x { margin-inline-start: 1rem; }').not.toMatch(physical);
  });

  it('turns off every animation and transition when the person asks for reduced motion', () => {
    const css = readFileSync(path.join(stylesDir, 'app.css'), 'utf8');
    const reduced = /@media \(prefers-reduced-motion: reduce\)\s*{([\s\S]*?)\n}/.exec(css)?.[1] ?? '';
    expect(reduced).toContain('animation: none !important');
    expect(reduced).toContain('transition: none !important');
  });
});
