import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AgencyProfile } from '../../../shared/config';
import { profileVariables } from './profile-variables';
import { bundledResources, laterNamespaces, laterNamespacesBackend, startNamespaces, type Namespace } from './resources';

export { profileVariables };

export const namespaces = [...startNamespaces, ...laterNamespaces] as const;

/**
 * Creates an i18next instance with the bundled translations, the profile's
 * facts as default variables and its per-language text overrides applied.
 * `load` names the namespaces to have in hand before it resolves (all of them
 * unless said otherwise); any other loads when a screen first asks for it.
 */
export async function setupI18n(options: {
  language: string;
  profile?: AgencyProfile;
  phones?: AgencyProfile['phones'];
  load?: readonly Namespace[];
}): Promise<I18n> {
  const overrides = Object.entries(options.profile?.textOverrides ?? {}).flatMap(([language, texts]) =>
    Object.entries(texts).map(([fullKey, text]) => {
      const [ns, key] = fullKey.includes(':') ? fullKey.split(':', 2) : ['common', fullKey];
      return { language, ns, key, text };
    }),
  );
  // A namespace that an override writes into is loaded now, or the override would stand in for the whole file.
  const load = new Set<string>(options.load ?? namespaces);
  for (const { ns } of overrides) if (ns && (namespaces as readonly string[]).includes(ns)) load.add(ns);
  const instance = i18next.createInstance();
  await instance
    .use(laterNamespacesBackend)
    .use(initReactI18next)
    .init({
      resources: await bundledResources([...load] as Namespace[], new Set(overrides.map(({ language, ns }) => `${language}/${ns}`))),
      partialBundledLanguages: true,
      lng: options.language,
      fallbackLng: 'en',
      ns: [...load],
      defaultNS: 'common',
      returnEmptyString: false,
      interpolation: { escapeValue: false, defaultVariables: profileVariables(options.profile, options.phones) },
    });
  for (const { language, ns, key, text } of overrides) if (ns && key) instance.addResource(language, ns, key, text);
  return instance;
}
