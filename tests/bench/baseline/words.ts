/** The baseline pages' words: every translation the app ships, bundled, and the profile's facts the welcome screen names. */
import type { Resource } from 'i18next';

const files = import.meta.glob<Record<string, unknown>>(
  ['../../../resources/locales/*/*.json', '!../../../resources/locales/*/glossary.json'],
  { eager: true, import: 'default' },
);

export const resources: Resource = {};
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (match?.[1] && match[2]) (resources[match[1]] ??= {})[match[2]] = content as Resource[string][string];
}

export const languages = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
  { code: 'vi', name: 'Tiếng Việt' },
];

export const values = { agency: "Lee's Summit Police Department", program: 'Safe Passage', emergency: '911' };
