import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AgencyProfile } from '../../../shared/config';
import { profileVariables } from './profile-variables';
import { bundledResources } from './resources';

export { profileVariables };

export const namespaces = ['common', 'kiosk', 'controls', 'desk', 'admin'] as const;

/**
 * Creates an i18next instance with the bundled translations, the profile's
 * facts as default variables and its per-language text overrides applied.
 */
export async function setupI18n(options: { language: string; profile?: AgencyProfile; phones?: AgencyProfile['phones'] }): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources: bundledResources(),
    lng: options.language,
    fallbackLng: 'en',
    ns: [...namespaces],
    defaultNS: 'common',
    returnEmptyString: false,
    interpolation: { escapeValue: false, defaultVariables: profileVariables(options.profile, options.phones) },
  });
  for (const [language, overrides] of Object.entries(options.profile?.textOverrides ?? {})) {
    for (const [fullKey, text] of Object.entries(overrides)) {
      const [ns, key] = fullKey.includes(':') ? fullKey.split(':', 2) : ['common', fullKey];
      if (ns && key) instance.addResource(language, ns, key, text);
    }
  }
  return instance;
}
