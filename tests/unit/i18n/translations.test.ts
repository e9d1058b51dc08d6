import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourcesDir } from '../support/temp-config.js';
import { profileVariables } from '../../../renderer/src/i18n/setup-i18n.js';

const localesDir = path.join(resourcesDir, 'locales');
type Languages = Array<{ code: string }>;
const languages = (JSON.parse(readFileSync(path.join(localesDir, 'languages.json'), 'utf8')) as Languages).map((l) => l.code);
const namespaces = readdirSync(path.join(localesDir, 'en')).filter((f) => f.endsWith('.json'));

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  const out: Record<string, string> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    Object.assign(out, flatten(child, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

function strings(language: string, namespace: string): Record<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(localesDir, language, namespace), 'utf8')));
}

const variablesIn = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Variables a call site passes itself, beyond the profile's facts. */
const callSiteVariables = new Set(['place', 'id']);
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
    }
    expect(status.en).toBe('source');
  });
});

/**
 * Words that stigmatise people who use drugs (NIDA "Words Matter", CONTENT.md).
 * Matched as whole words, case-insensitively.
 */
const stigmatising: Record<string, RegExp[]> = {
  en: [/\baddicts?\b/i, /\bjunkies?\b/i, /\babusers?\b/i, /\bdrug abuse\b/i, /\bsubstance abuse\b/i, /\bhabit\b/i, /\bclean\b/i, /\bdirty\b/i, /\bdrug users?\b/i, /\bfell off the wagon\b/i],
  es: [/\badict[oa]s?\b/i, /\bdrogadict[oa]s?\b/i, /\btoxicóman[oa]s?\b/i, /\byonquis?\b/i, /\babuso de (drogas|sustancias)\b/i, /\bvicio\b/i, /\blimpi[oa]s?\b/i, /\bsuci[oa]s?\b/i],
  ar: [/مدمن/, /المدمنين/, /تعاطي المخدرات/],
  vi: [/con nghiện/i, /nghiện ngập/i, /dân chơi/i],
};

describe('respectful words', () => {
  it.each(Object.keys(stigmatising))('%s strings use none of the stigmatising words', (language) => {
    for (const namespace of namespaces) {
      for (const [key, text] of Object.entries(strings(language, namespace))) {
        for (const pattern of stigmatising[language] ?? []) expect(text, `${language}/${namespace} ${key}`).not.toMatch(pattern);
      }
    }
  });

  it('the word list itself catches what it should', () => {
    expect('He is an addict').toMatch(stigmatising.en![0]!);
    expect('Es un adicto').toMatch(stigmatising.es![0]!);
  });
});
