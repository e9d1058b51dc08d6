import type { AgencyProfile } from '../../../shared/config';

/**
 * Facts every string may use, taken from the agency profile so that no fact
 * lives in a translation. A module of its own (no Vite-only imports), so the
 * end-to-end tests can compute the same text the screen shows.
 */
export function profileVariables(profile: AgencyProfile | undefined, phones?: AgencyProfile['phones']) {
  const p = phones ?? profile?.phones;
  return {
    agency: profile?.agency.name ?? '',
    agencyShort: profile?.agency.shortName ?? '',
    city: profile?.agency.city ?? '',
    program: profile?.program.name ?? '',
    partner: profile?.program.partnerName ?? '',
    minimumAge: profile?.program.minimumAge ?? '',
    emergency: p?.emergency ?? '911',
    phone: p?.nonEmergency ?? '',
    helpline: p?.helpline ?? '',
    crisisLine: p?.crisisLine ?? '',
  };
}
