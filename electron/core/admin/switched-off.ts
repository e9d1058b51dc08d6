import type { Bootstrap } from '../../../shared/bootstrap.js';

/**
 * The bootstrap the screen gets while an administrator has switched the
 * machine off: the same calm out-of-service screen as for a bad config, with
 * the department's numbers. The role's service keeps running (open requests
 * still reach the desk; test pages still work).
 */
export function applyOutOfService(bootstrap: Bootstrap, switchedOff: boolean): Bootstrap {
  if (!switchedOff || bootstrap.state !== 'ready') return bootstrap;
  return {
    state: 'out-of-service',
    role: bootstrap.role,
    phones: bootstrap.profile.phones,
    languages: bootstrap.languages,
    defaultLanguage: bootstrap.profile.languages.default,
    reason: 'switched-off',
  };
}
