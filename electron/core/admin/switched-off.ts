import type { Bootstrap } from '../../../shared/bootstrap.js';

/** What the admin feature changes on the public screen. */
export type AdminScreenState = {
  /** An administrator switched the machine out of service. */
  switchedOff: boolean;
  /** No admin PIN exists yet (first-use.ts): a kiosk shows its "not set up yet" welcome. */
  notSetUp: boolean;
};

/**
 * The bootstrap the screen gets while an administrator has switched the
 * machine off: the same calm out-of-service screen as for a bad config, with
 * the department's numbers. The role's service keeps running (open requests
 * still reach the desk; test pages still work). A kiosk without a PIN is
 * marked `notSetUp`: it never serves the public before the department has set one.
 */
export function applyOutOfService(bootstrap: Bootstrap, admin: AdminScreenState): Bootstrap {
  if (bootstrap.state !== 'ready') return bootstrap;
  if (!admin.switchedOff) return admin.notSetUp && bootstrap.role === 'kiosk' ? { ...bootstrap, notSetUp: true } : bootstrap;
  return {
    state: 'out-of-service',
    role: bootstrap.role,
    phones: bootstrap.profile.phones,
    languages: bootstrap.languages,
    defaultLanguage: bootstrap.profile.languages.default,
    reason: 'switched-off',
  };
}
