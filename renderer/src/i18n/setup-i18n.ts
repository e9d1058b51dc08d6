import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AgencyProfile } from '../../../shared/config';
import { bundledResources } from './resources';

export const namespaces = ['common', 'kiosk', 'controls', 'desk'] as const;

/** Facts every string may use, taken from the agency profile so that no fact lives in a translation. */
export function profileVariables(profile: AgencyProfile | undefined, phones?: AgencyProfile['phones']) {
  const p = phones ?? profile?.phones;
  return {
    agency: profile?.agency.name ?? '',
    agencyShort: profile?.agency.shortName ?? '',
    program: profile?.program.name ?? '',
    partner: profile?.program.partnerName ?? '',
    minimumAge: profile?.program.minimumAge ?? '',
    emergency: p?.emergency ?? '911',
    phone: p?.nonEmergency ?? '',
    helpline: p?.helpline ?? '',
    crisisLine: p?.crisisLine ?? '',
  };
}

/**
 * Creates an i18next instance with the bundled translations, the profile's
 * facts as default variables and its per-language text overrides applied.
 */
export async function setupI18n(options: {
  language: string;
  profile?: AgencyProfile;
  phones?: AgencyProfile['phones'];
}): Promise<I18n> {
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
