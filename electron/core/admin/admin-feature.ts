/**
 * The admin screen's core: the PIN with its lockout, the session, the audit
 * log, the recent log lines and "out of service". create-core.ts builds one
 * and puts the gate in front of every handler.
 */
import type { EventName, EventPayload } from '../../../shared/contract.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { Logger } from '../logger.js';
import type { Platform } from '../platform.js';
import type { RoleAdmin } from '../service-context.js';
import { createAdminHandlers, sessionState, type AdminHandlers } from './admin-calls.js';
import { createAdminSession, type AdminSession } from './admin-session.js';
import { openAdminStore } from './admin-store.js';
import { createAuditLog } from './audit-log.js';
import { createFirstUse } from './first-use.js';
import type { ScryptCost } from './pin-hash.js';
import { createPinLock } from './pin-lock.js';
import type { RecentLog } from './recent-log.js';
import type { AdminScreenState } from './switched-off.js';

export type AdminFeature = {
  handlers: AdminHandlers;
  session: AdminSession;
  /** Whether an administrator switched this machine out of service (persisted). */
  outOfService(): boolean;
  /** What the public screen must show for the admin feature: switched off, or not set up (no PIN yet). */
  screenState(): AdminScreenState;
  /** Ends any session and waits for the audit log's last lines. */
  close(): Promise<void>;
};

export function createAdminFeature(options: {
  dataDir: string;
  platform: Platform;
  logger: Logger;
  recent: RecentLog;
  config: () => LoadedConfig;
  role: () => RoleAdmin | undefined;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void;
  /** What the public screen shows may have changed (out of service switched, the first PIN set). */
  outOfServiceChanged: () => void;
  /** Tests only: a cheaper scrypt cost for PINs set on first use. */
  pinCost?: ScryptCost;
}): AdminFeature {
  const { platform, logger } = options;
  const now = () => platform.now();
  const store = openAdminStore(platform);
  const audit = createAuditLog({
    dataDir: options.dataDir,
    now,
    onError: (error) => logger.error('admin audit line could not be written', { error }),
  });
  const pins = createPinLock({
    store,
    now,
    configuredHash: () => options.config().device?.admin?.pinHash,
    ...(options.pinCost ? { cost: options.pinCost } : {}),
  });
  const firstUse = createFirstUse({
    store,
    now,
    behindCounter: () => options.config().device?.role === 'desk',
  });
  const session = createAdminSession({
    now,
    onEnded: (why) => {
      logger.info(why === 'expired' ? 'admin session ended after 2 minutes without a touch' : 'admin session ended');
      void audit.record(why === 'expired' ? 'session.expired' : 'session.ended');
      options.emit('admin.sessionChanged', sessionState({ session, pins, firstUse }));
    },
  });
  const handlers = createAdminHandlers({
    session,
    pins,
    firstUse,
    audit,
    store,
    recent: options.recent,
    logger,
    config: options.config,
    role: options.role,
    outOfServiceChanged: options.outOfServiceChanged,
  });
  return {
    handlers,
    session,
    outOfService: () => store.read().outOfService,
    screenState: () => {
      const notSetUp = !pins.isSet();
      // A PIN seen once (first use or the device config) ends first use for good.
      if (!notSetUp) firstUse.noteSetUp();
      return { switchedOff: store.read().outOfService, notSetUp };
    },
    close: () => {
      session.end();
      return audit.flush();
    },
  };
}
