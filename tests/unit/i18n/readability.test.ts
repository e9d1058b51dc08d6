/**
 * CONTENT.md: English screens at or below US grade 6 (Flesch-Kincaid).
 *
 * Flesch-Kincaid grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *
 * - Scored per group: the strings under one parent key of kiosk.json (for
 *   example "faq.topics.cost" or "request.name"), which is what one screen or
 *   one section of a screen shows together.
 * - {{variables}} are removed first: they are names and numbers from the
 *   profile ("Safe Passage", "1-800-662-4357"), not words we chose.
 * - Words are runs of letters (with ' and -); digits are not words.
 * - Sentences end at . ! ? … or :, and every string ends one, because a
 *   button label or heading is read as a unit of its own.
 * - Syllables come from the `syllable` package (English rules and exceptions).
 */
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { strings } from './locale-strings.js';

export function fleschKincaidGrade(texts: readonly string[]): { grade: number; words: number; sentences: number; syllables: number } {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const raw of texts) {
    const text = raw.replace(/\{\{\s*\w+\s*\}\}/g, ' ');
    const found = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
    words += found.length;
    syllables += found.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
    const ends = text.replace(/[.!?…:]+\s*$/, '').match(/[.!?…:]+(\s|$)/g)?.length ?? 0;
    sentences += ends + 1;
  }
  const grade = words === 0 ? 0 : 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return { grade: Math.round(grade * 10) / 10, words, sentences, syllables };
}

/** The kiosk's English strings, grouped by parent key: one group per screen or section. */
function groups(): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const [key, text] of Object.entries(strings('en', 'kiosk.json'))) {
    const group = key.split('.').slice(0, -1).join('.') || key;
    byGroup.set(group, [...(byGroup.get(group) ?? []), text]);
  }
  return byGroup;
}

describe('plain English (Flesch-Kincaid)', () => {
  it.each([...groups()].map(([group, texts]) => ({ group, texts })))('kiosk "$group" reads at grade 6 or below', ({ group, texts }) => {
    const score = fleschKincaidGrade(texts);
    expect(score.grade, `${group}: ${JSON.stringify(score)}`).toBeLessThanOrEqual(6);
  });

  it('the whole English kiosk reads at grade 6 or below', () => {
    expect(fleschKincaidGrade(Object.values(strings('en', 'kiosk.json'))).grade).toBeLessThanOrEqual(6);
  });

  it('the whole English admin screen reads at grade 6 or below (it is for staff, but kept plain)', () => {
    // Scored whole, not per group: a one-word group such as "Admin" scores high by the formula alone.
    expect(fleschKincaidGrade(Object.values(strings('en', 'admin.json'))).grade).toBeLessThanOrEqual(6);
  });

  it('the score rises above 6 for text that is not plain, so the check can fail', () => {
    const legalese = [
      'Participation necessitates voluntary acknowledgement of eligibility requirements, and individuals experiencing substance dependency are consequently evaluated by affiliated organizations.',
    ];
    expect(fleschKincaidGrade(legalese).grade).toBeGreaterThan(6);
    expect(fleschKincaidGrade(['You can ask for help here.']).grade).toBeLessThanOrEqual(6);
  });

  it('variables are left out of the count', () => {
    expect(fleschKincaidGrade(['Call {{helpline}} now.'])).toMatchObject({ words: 2, sentences: 1 });
  });
});
