import { profileVariables } from '../../../renderer/src/i18n/profile-variables.js';
import { agencyProfileSchema } from '../../../shared/config.js';
import { translation } from './languages.js';
import { shippedConfig } from './test-host.js';

const shippedProfile = agencyProfileSchema.parse(shippedConfig('profile'));

/**
 * A string as the kiosk shows it with the shipped profile: the translation
 * from resources/locales with the profile's facts (and any call-site values) filled in.
 */
export function kioskText(language: string, key: string, values: Record<string, string | number> = {}, namespace = 'kiosk'): string {
  const variables: Record<string, string | number> = { ...profileVariables(shippedProfile), ...values };
  return translation(language, namespace, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => String(variables[name] ?? ''));
}

/** A pattern for an accessible name that starts with `text` (a choice's name is its title and then its hint). */
export function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
