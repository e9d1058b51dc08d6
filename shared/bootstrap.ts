import type { AgencyProfile, Role } from './config.js';

/** A language the renderer can show, as listed in resources/locales/languages.json. */
export type LanguageInfo = { code: string; nativeName: string; dir: 'ltr' | 'rtl' };

export type ReadyBootstrap = {
  state: 'ready';
  role: Role;
  /** "Lobby kiosk 1" or "Front desk": shown on screen and in messages that leave the building. */
  placeName: string;
  deviceId: string;
  profile: AgencyProfile;
  languages: LanguageInfo[];
  idle: { warnAfterSeconds: number; countdownSeconds: number; answeredStaySeconds: number };
  /**
   * A kiosk with no admin PIN yet: the welcome screen says it is not set up and to ask at the front desk, and
   * offers no way into the request flow, until the department sets the PIN (electron/core/admin/first-use.ts).
   */
  notSetUp?: true;
};

/**
 * The configuration could not be used. The public sees a calm out-of-service
 * screen; the exact problem goes to the log (and, later, the admin screen), not here.
 */
export type OutOfServiceBootstrap = {
  state: 'out-of-service';
  role: Role | 'unknown';
  /** Present when the agency profile itself was valid, so the screen can show the real numbers. */
  phones?: AgencyProfile['phones'];
  languages: LanguageInfo[];
  defaultLanguage: string;
  /** "switched-off": an administrator turned the kiosk off on the admin screen; otherwise the configuration is at fault. */
  reason?: 'config' | 'switched-off';
};

export type Bootstrap = ReadyBootstrap | OutOfServiceBootstrap;
