import type { Resource } from 'i18next';

// Every resources/locales/<language>/<namespace>.json, so adding a language is a data change.
// The glossary is for translators and tests, not for the screen.
const files = import.meta.glob<Record<string, unknown>>(
  ['../../../resources/locales/*/*.json', '!../../../resources/locales/*/glossary.json'],
  {
    eager: true,
    import: 'default',
  },
);

/**
 * A fresh copy of every bundled translation. A copy, because i18next writes
 * profile overrides into the objects it is given: sharing the module's objects
 * would let one configuration's overrides outlive it.
 */
export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [file, content] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match?.[1] || !match[2]) continue;
    (resources[match[1]] ??= {})[match[2]] = structuredClone(content) as Resource[string][string];
  }
  return resources;
}
