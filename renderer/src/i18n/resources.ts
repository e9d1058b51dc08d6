import type { BackendModule, Resource, ResourceKey } from 'i18next';

/** The namespaces the public kiosk's first screen needs: bundled into the entry. */
export const startNamespaces = ['common', 'kiosk', 'controls'] as const;
/** The desk console's and the admin screen's words: loaded when a page needs them, so the kiosk does not carry them at start. */
export const laterNamespaces = ['desk', 'admin'] as const;
export type Namespace = (typeof startNamespaces)[number] | (typeof laterNamespaces)[number];

// Every resources/locales/<language>/<namespace>.json, so adding a language is a data change.
// The glossary is for translators and tests, not for the screen.
const startFiles = import.meta.glob<Record<string, unknown>>('../../../resources/locales/*/{common,kiosk,controls}.json', {
  eager: true,
  import: 'default',
});
const laterFiles = import.meta.glob<Record<string, unknown>>('../../../resources/locales/*/{desk,admin}.json', { import: 'default' });

// Files already fetched, so a reload after a configuration change need not wait on them again.
const fetched = new Map<string, Record<string, unknown>>();

async function fetchLater(file: string, load: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const known = fetched.get(file);
  if (known) return known;
  const content = await load();
  fetched.set(file, content);
  return content;
}

const fileOf = (language: string, namespace: string) => `../../../resources/locales/${language}/${namespace}.json`;

function placeOf(file: string): { language: string; namespace: string } | undefined {
  const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  return match?.[1] && match[2] ? { language: match[1], namespace: match[2] } : undefined;
}

/**
 * The bundled translations of `namespaces`, every language, the later ones
 * fetched first. The bundles named in `written` ("<language>/<namespace>")
 * are fresh copies: i18next writes profile overrides into the objects it is
 * given, and sharing the module's objects would let one configuration's
 * overrides outlive it. The others are the module's own objects, which
 * i18next only reads: copying every language's words at start cost the
 * kiosk's first paint for nothing.
 */
export async function bundledResources(namespaces: readonly Namespace[], written: ReadonlySet<string> = new Set()): Promise<Resource> {
  const resources: Resource = {};
  const wanted = new Set<string>(namespaces);
  const put = (file: string, content: Record<string, unknown>) => {
    const place = placeOf(file);
    if (!place || !wanted.has(place.namespace)) return;
    const own = written.has(`${place.language}/${place.namespace}`) ? structuredClone(content) : content;
    (resources[place.language] ??= {})[place.namespace] = own as ResourceKey;
  };
  for (const [file, content] of Object.entries(startFiles)) put(file, content);
  const later = Object.entries(laterFiles).filter(([file]) => wanted.has(placeOf(file)?.namespace ?? ''));
  const missing = later.filter(([file]) => !fetched.has(file));
  if (missing.length > 0) await Promise.all(missing.map(([file, load]) => fetchLater(file, load)));
  for (const [file] of later) put(file, fetched.get(file) ?? {});
  return resources;
}

/**
 * An i18next backend for the namespaces a page did not load at start: the
 * first `useTranslation('admin')` fetches that language's file (React shows
 * the nearest Suspense fallback meanwhile).
 */
export const laterNamespacesBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    const file = fileOf(language, namespace);
    const load = laterFiles[file];
    if (!load) return callback(null, {});
    fetchLater(file, load).then(
      (content) => callback(null, structuredClone(content) as ResourceKey),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
