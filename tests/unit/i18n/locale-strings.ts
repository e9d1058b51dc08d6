import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../support/temp-config.js';

/** Helpers the translation tests share: every language's strings, flattened to dotted keys. */
export const localesDir = path.join(resourcesDir, 'locales');

type Languages = Array<{ code: string }>;
export const languages = (JSON.parse(readFileSync(path.join(localesDir, 'languages.json'), 'utf8')) as Languages).map((l) => l.code);
export const namespaceFiles = readdirSync(path.join(localesDir, 'en')).filter((f) => f.endsWith('.json'));

export function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  const out: Record<string, string> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    Object.assign(out, flatten(child, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/** A namespace file's strings ("kiosk.json") in one language, by dotted key. */
export function strings(language: string, namespaceFile: string): Record<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(localesDir, language, namespaceFile), 'utf8')));
}

/** Every agency profile shipped in resources/profiles, parsed. */
export function shippedProfiles(): Array<{ file: string; json: { textOverrides?: Record<string, Record<string, string>> } }> {
  const dir = path.join(resourcesDir, 'profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({
      file,
      json: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { textOverrides?: Record<string, Record<string, string>> },
    }));
}
