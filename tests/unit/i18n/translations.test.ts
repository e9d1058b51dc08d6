import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-config.js';
import { profileVariables } from '../../../renderer/src/i18n/setup-i18n.js';
import { faqTopics } from '../../../renderer/src/kiosk/session/screens.js';
import { callNames, eventNames } from '../../../shared/contract.js';
import { languages, localesDir, namespaceFiles as namespaces, shippedProfiles, strings } from './locale-strings.js';

const variablesIn = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Variables a call site passes itself, beyond the profile's facts. */
const callSiteVariables = new Set(['place', 'id', 'step', 'total', 'max', 'seconds', 'number', 'time']);
const knownVariables = new Set([...Object.keys(profileVariables(undefined)), ...callSiteVariables]);

describe('translations', () => {
  it('every listed language has every namespace', () => {
    for (const language of languages) {
      expect(readdirSync(path.join(localesDir, language)).sort(), language).toEqual([...namespaces].sort());
    }
  });

  describe.each(languages)('%s', (language) => {
    it.each(namespaces)('%s has every English key, no extra key and no empty string', (namespace) => {
      const english = strings('en', namespace);
      const translated = strings(language, namespace);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(translated)) expect(text.trim(), `${language}/${namespace} ${key}`).not.toBe('');
    });

    it.each(namespaces)('%s uses the same facts as English in each string', (namespace) => {
      const english = strings('en', namespace);
      for (const [key, text] of Object.entries(strings(language, namespace))) {
        expect(variablesIn(text), `${language}/${namespace} ${key}`).toEqual(variablesIn(english[key] ?? ''));
      }
    });
  });

  it('every variable in a string is a fact the profile provides or the screen passes', () => {
    for (const namespace of namespaces) {
      for (const [key, text] of Object.entries(strings('en', namespace))) {
        for (const name of variablesIn(text)) expect(knownVariables.has(name ?? ''), `${namespace} ${key}: {{${name}}}`).toBe(true);
      }
    }
  });

  it('every translation other than English stays marked for review until a department confirms it', () => {
    const status = JSON.parse(readFileSync(path.join(localesDir, 'review-status.json'), 'utf8')) as Record<string, string>;
    for (const language of languages) {
      expect(['source', 'needs-review', 'confirmed'], language).toContain(status[language]);
      if (language !== 'en') expect(status[language], `${language} is a translation, not a source`).not.toBe('source');
    }
    expect(status.en).toBe('source');
  });
});

/**
 * Words that stigmatise people who use drugs (NIDA "Words Matter", CONTENT.md).
 * Matched as whole words, case-insensitively.
 */
const stigmatising: Record<string, RegExp[]> = {
  en: [
    /\baddicts?\b/i,
    /\bjunkies?\b/i,
    /\babusers?\b/i,
    /\bdrug abuse\b/i,
    /\bsubstance abuse\b/i,
    /\bhabit\b/i,
    /\bclean\b/i,
    /\bdirty\b/i,
    /\bdrug users?\b/i,
    /\bfell off the wagon\b/i,
  ],
  es: [
    /\badict[oa]s?\b/i,
    /\bdrogadict[oa]s?\b/i,
    /\btoxicóman[oa]s?\b/i,
    /\byonquis?\b/i,
    /\babuso de (drogas|sustancias)\b/i,
    /\bvicio\b/i,
    /\blimpi[oa]s?\b/i,
    /\bsuci[oa]s?\b/i,
  ],
  ar: [/مدمن/, /المدمنين/, /تعاطي المخدرات/],
  vi: [/con nghiện/i, /nghiện ngập/i, /dân chơi/i],
};

describe('respectful words', () => {
  it('every language has a list of words it must not use', () => {
    for (const language of languages) expect(stigmatising[language], language).toBeDefined();
  });

  it.each(Object.keys(stigmatising))('%s strings use none of the stigmatising words', (language) => {
    for (const namespace of namespaces) {
      for (const [key, text] of Object.entries(strings(language, namespace))) {
        for (const pattern of stigmatising[language] ?? []) expect(text, `${language}/${namespace} ${key}`).not.toMatch(pattern);
      }
    }
  });

  it("the shipped profiles' text overrides use none of them either", () => {
    for (const { file, json } of shippedProfiles()) {
      for (const [language, overrides] of Object.entries(json.textOverrides ?? {})) {
        for (const [key, text] of Object.entries(overrides)) {
          for (const pattern of stigmatising[language] ?? []) expect(text, `${file} ${language} ${key}`).not.toMatch(pattern);
        }
      }
    }
  });

  it('the word list itself catches what it should', () => {
    expect('He is an addict').toMatch(stigmatising.en![0]!);
    expect('Es un adicto').toMatch(stigmatising.es![0]!);
  });
});

/** Every .ts/.tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('the kiosk code and its strings', () => {
  const english = strings('en', 'kiosk.json');
  // The kiosk's own screens; the on-screen tools (controls/) keep their strings in controls.json.
  const files = sourceFiles(path.join(repoRoot, 'renderer', 'src', 'kiosk')).filter(
    (file) => !file.includes(`${path.sep}controls${path.sep}`),
  );

  it('every kiosk string key written in the code exists in English', () => {
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // Dotted keys in quotes, as passed to t() or kept in a key table ('status.headline.saving').
      for (const match of source.matchAll(/'((?:[a-z][A-Za-z0-9]*\.)+[A-Za-z0-9]+)'/g)) {
        const key = match[1] ?? '';
        // The contract's call and event names look the same and are not strings to translate.
        if ((callNames as string[]).includes(key) || (eventNames as string[]).includes(key)) continue;
        if (!(key in english)) missing.push(`${path.relative(repoRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every questions-and-answers topic has its question in every language', () => {
    for (const language of languages) {
      const kiosk = strings(language, 'kiosk.json');
      for (const topic of faqTopics) expect(kiosk[`faq.topics.${topic}.question`], `${language} ${topic}`).toBeTruthy();
    }
  });
});
