/**
 * happy-dom has no layout, so these read the stylesheet itself: every key's
 * rule must keep it at least 48×48 CSS px, and the high-contrast palette must
 * pass WCAG AA. Real sizes on a real screen are measured by the end-to-end
 * target-size test of the kiosk screens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../renderer/src/styles/controls.css'),
  'utf8',
);

/** Declarations of every rule whose selector list mentions `selector`, in order. */
function rulesFor(selector: RegExp): Array<Record<string, string>> {
  const rules: Array<Record<string, string>> = [];
  for (const match of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selector.test(match[1] ?? '')) continue;
    const declarations: Record<string, string> = {};
    for (const declaration of (match[2] ?? '').split(';')) {
      const [name, ...value] = declaration.split(':');
      if (name?.trim()) declarations[name.trim()] = value.join(':').trim();
    }
    rules.push(declarations);
  }
  return rules;
}

const px = (value: string | undefined) => Number(/^(\d+(?:\.\d+)?)px$/.exec(value ?? '')?.[1] ?? Number.NaN);

describe('keyboard keys are big enough to touch', () => {
  it('the key rule sets a minimum of 48 CSS px in both directions', () => {
    const [key] = rulesFor(/^\s*\.osk__key\s*$/);
    expect(px(key?.['min-inline-size'])).toBeGreaterThanOrEqual(48);
    expect(px(key?.['min-block-size'])).toBeGreaterThanOrEqual(48);
  });

  it('the key height is at least 48 CSS px', () => {
    const [root] = rulesFor(/^\s*:root\s*$/);
    expect(px(root?.['--key-size'])).toBeGreaterThanOrEqual(48);
  });

  it('no other key rule lowers those minimums or caps a key below them', () => {
    for (const rule of rulesFor(/\.osk__key/)) {
      for (const property of [
        'min-inline-size',
        'min-block-size',
        'max-inline-size',
        'max-block-size',
        'inline-size',
        'block-size',
        'width',
        'height',
      ]) {
        const value = rule[property];
        if (value === undefined || !value.endsWith('px')) continue;
        expect(px(value), `${property}: ${value}`).toBeGreaterThanOrEqual(48);
      }
    }
  });

  it('keys are spaced apart', () => {
    const [row] = rulesFor(/^\s*\.osk__row\s*$/);
    expect(px(row?.gap)).toBeGreaterThanOrEqual(8);
  });
});

describe('the high-contrast palette', () => {
  it('defines black, white and yellow custom properties that pass WCAG AA', () => {
    const block = /:root\[data-contrast='high'\]\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    const colour = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block)?.[1] ?? '';
    const pairs: Array<[string, string]> = [
      ['ink', 'paper'],
      ['brand', 'paper'],
      ['brand-ink', 'brand'],
      ['urgent-ink', 'urgent-bg'],
      ['surface-ink', 'surface'],
      ['muted', 'paper'],
    ];
    for (const [text, background] of pairs) {
      expect(contrast(colour(text), colour(background)), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
