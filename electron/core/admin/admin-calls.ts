/**
 * The admin screen's calls. The gate (admin-gate.ts) decides whether each one
 * may run; these only do the work, and write each action to the audit log.
 */
import { newPinMinLength, newPinSchema, type AdminSessionState } from '../../../shared/admin.js';
import { CallRefused } from '../../../shared/call-result.js';
import type { CallHandlers, CallName } from '../../../shared/contract.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Logger } from '../logger.js';
import type { DocumentStore } from '../platform.js';
import type { RoleAdmin } from '../service-context.js';
import { buildOverview } from './admin-overview.js';
import type { AdminSession } from './admin-session.js';
import type { AdminDocument } from './admin-store.js';
import type { AuditLog } from './audit-log.js';
import type { FirstUse } from './first-use.js';
import type { PinLock } from './pin-lock.js';
import type { RecentLog } from './recent-log.js';

/** The admin feature's own calls; `admin.pairing.*` belong to the pairing feature (still behind the same gate). */
export type AdminCallName = Exclude<Extract<CallName, `admin.${string}`>, `admin.pairing.${string}`>;
export type AdminHandlers = Pick<CallHandlers, AdminCallName>;

export type AdminParts = {
  session: AdminSession;
  pins: PinLock;
  firstUse: FirstUse;
  audit: AuditLog;
  store: DocumentStore<AdminDocument>;
  recent: RecentLog;
  logger: Logger;
  config: () => LoadedConfig;
  role: () => RoleAdmin | undefined;
  /** Called after what the public screen shows may have changed ("out of service", the first PIN), so it can be told. */
  outOfServiceChanged: () => void;
};

/** The session as the screen may know it: nothing about the PIN but whether one exists. */
export function sessionState(parts: Pick<AdminParts, 'session' | 'pins' | 'firstUse'>): AdminSessionState {
  const state: AdminSessionState = { active: parts.session.isActive(), pinSet: parts.pins.isSet() };
  if (!state.pinSet) state.firstUse = parts.firstUse.closed() ?? 'open';
  const locked = parts.pins.lockedFor();
  if (locked > 0) state.lockedForSeconds = Math.ceil(locked / 1000);
  if (state.active) state.expiresInSeconds = Math.ceil(parts.session.remaining() / 1000);
  if (parts.session.shortPin()) state.shortPin = true;
  return state;
}

/** The refusal once first use is over; the screen words it itself from `firstUse` in the session state. */
export const firstUseOver = 'The PIN can no longer be chosen on this screen. Set admin.pinHash in the device config (npm run pin-hash).';

export function createAdminHandlers(parts: AdminParts): AdminHandlers {
  const { session, pins, audit, store, logger } = parts;
  const state = () => sessionState(parts);

  return {
    'admin.session.state': state,
    'admin.session.unlock': async ({ pin }) => {
      try {
        await pins.check(pin);
      } catch (error) {
        if (error instanceof CallRefused) {
          logger.warn('admin PIN refused', { reason: pins.lockedFor() > 0 ? 'locked' : 'wrong' });
          await audit.record('session.refused', { locked: pins.lockedFor() > 0 });
        }
        throw error;
      }
      // A PIN set before 8 digits were required still opens the screen, which then asks for a longer one. Only the
      // session keeps this; nothing is logged about the PIN's length.
      session.open({ shortPin: pin.length < newPinMinLength });
      logger.info('admin session opened');
      await audit.record('session.opened');
      return state();
    },
    'admin.session.createPin': async ({ pin }) => {
      // Once a PIN exists, pins.create refuses ("A PIN is already set."); before that, only while first use lasts.
      const closed = pins.isSet() ? undefined : parts.firstUse.closed();
      if (closed !== undefined) {
        logger.warn('admin PIN not set on first use: first use is over', { reason: closed });
        await audit.record('pin.refused', { reason: closed });
        throw new CallRefused(firstUseOver);
      }
      // The contract checks this too; the core holds the rule whoever calls it.
      const checked = newPinSchema.safeParse(pin);
      if (!checked.success) throw new CallRefused(`The new PIN is too short: ${checked.error.issues[0]?.message ?? 'use 8 to 12 digits'}.`);
      await pins.create(pin);
      parts.firstUse.noteSetUp();
      session.open();
      logger.info('admin PIN set on first use; admin session opened');
      await audit.record('pin.created');
      await audit.record('session.opened');
      // A kiosk that was "not set up" now serves the public.
      parts.outOfServiceChanged();
      return state();
    },
    'admin.session.touch': state,
    'admin.session.end': async () => {
      session.end();
      await audit.flush();
      return state();
    },
    'admin.overview': () => buildOverview(parts.config(), parts.role(), store.read().outOfService),
    'admin.testPage': async ({ channelId }) => {
      const role = parts.role();
      if (!role?.testPage) throw new CallRefused('Test pages are sent from a working kiosk.');
      const results = await role.testPage(channelId);
      await audit.record('test-page.sent', {
        channel: channelId ?? 'all',
        delivered: results.filter((r) => r.outcome === 'delivered').length,
        failed: results.filter((r) => r.outcome === 'failed').length,
      });
      return results;
    },
    'admin.outOfService.set': async ({ on }) => {
      const doc = store.read();
      if (doc.outOfService !== on) {
        store.write({ ...doc, outOfService: on });
        logger.info(on ? 'switched out of service on the admin screen' : 'switched back into service on the admin screen');
        await audit.record(on ? 'out-of-service.on' : 'out-of-service.off');
        parts.outOfServiceChanged();
      }
      return { outOfService: on };
    },
    'admin.log.recent': () => parts.recent.lines(),
  };
}
