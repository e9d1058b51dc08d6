/**
 * One word per concept in each language (issue 9): each language keeps a
 * small glossary (resources/locales/<language>/glossary.json) of the word it
 * uses for a concept and the words it must not use for it, and every screen's
 * strings, kiosk and desk alike, keep to it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages, localesDir, namespaceFiles, strings } from './locale-strings.js';

type Glossary = Record<string, { term: string; avoid: string }>;

const glossaryOf = (language: string) => JSON.parse(readFileSync(path.join(localesDir, language, 'glossary.json'), 'utf8')) as Glossary;
const screenFiles = namespaceFiles.filter((file) => file !== 'glossary.json');

/** A whole word in Latin script ("agent" is not in "agency"); in other scripts, where words take prefixes, any occurrence. */
function occurs(word: string, text: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\p{Script=Latin})${escaped}(?!\\p{Script=Latin})`, 'iu').test(text);
}

describe.each(languages)('the %s glossary', (language) => {
  const glossary = glossaryOf(language);

  it('names the same concepts as English', () => {
    expect(Object.keys(glossary).sort()).toEqual(Object.keys(glossaryOf('en')).sort());
  });

  it.each(Object.keys(glossaryOf('en')))(
    '"%s": the chosen word is what the kiosk says, and no string on any screen uses a word to avoid',
    (concept) => {
      const entry = glossary[concept];
      expect(entry, concept).toBeDefined();
      const kiosk = Object.values(strings(language, 'kiosk.json')).join('\n');
      expect(occurs(entry?.term ?? '', kiosk), `${language} kiosk says "${entry?.term}"`).toBe(true);
      const avoided = (entry?.avoid ?? '')
        .split(',')
        .map((word) => word.trim())
        .filter(Boolean);
      for (const file of screenFiles) {
        for (const [key, text] of Object.entries(strings(language, file))) {
          for (const word of avoided)
            expect(occurs(word, text), `${language}/${file} ${key} uses "${word}" for ${concept}; use "${entry?.term}"`).toBe(false);
        }
      }
    },
  );

  it("the desk names the officer with the kiosk's word", () => {
    const desk = Object.values(strings(language, 'desk.json')).join('\n');
    expect(occurs(glossary.officer?.term ?? '', desk)).toBe(true);
  });
});

describe('the glossary test itself', () => {
  it('catches the word a glossary says to avoid', () => {
    expect(occurs('agente', 'Un agente va en camino ahora')).toBe(true);
    expect(occurs('agent', "Lee's Summit police agency")).toBe(false);
    expect(occurs('شرطي', 'الشرطي في الطريق')).toBe(true);
  });
});
