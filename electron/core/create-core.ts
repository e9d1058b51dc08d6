import type { Bootstrap } from '../../shared/bootstrap.js';
import { callNames, type CallHandlers, type EventSource } from '../../shared/contract.js';
import { createAppCalls } from './app-calls.js';
import { toBootstrap } from './bootstrap.js';
import { loadConfig, type ConfigPaths, type LoadedConfig } from './config/load-config.js';
import { watchConfigFiles } from './config/watch-config.js';
import { createEventHub } from './event-hub.js';
import type { Logger } from './logger.js';
import type { Platform } from './platform.js';
import type { PairingCalls } from './pairing/device-trust.js';
import { createRoleServices } from './role-services.js';
import { createAdminFeature } from './admin/admin-feature.js';
import { gateAdminCalls } from './admin/admin-gate.js';
import type { ScryptCost } from './admin/pin-hash.js';
import { createRecentLog, recordingLogger } from './admin/recent-log.js';
import { applyOutOfService } from './admin/switched-off.js';

export type CoreOptions = {
  paths: ConfigPaths;
  logger: Logger;
  /** How often to look for edited config files; `false` turns watching off. */
  watchIntervalMs?: number | false;
  /** A folder of this core's own: the kiosk's outbox, the desk's store. */
  dataDir: string;
  platform: Platform;
  /** Tests only: a cheaper scrypt cost for an admin PIN set on first use. */
  pinCost?: ScryptCost;
};

export type Core = {
  /** Every call, `admin.*` behind the admin session: what a transport binds. */
  handlers: CallHandlers;
  /**
   * The pairing calls without the admin gate, for the process that owns this
   * core only (the browser host's demo pairing, tests). Never bound to a
   * transport: a page reaches pairing only through `handlers`, with the PIN.
   */
  pairing: Pick<CallHandlers, PairingCalls>;
  events: EventSource;
  bootstrap(): Bootstrap;
  /** Reads the configuration again and tells subscribers if anything changed. */
  reload(): Promise<Bootstrap>;
  /** Stops watching, timers and servers; waits for the role's service to stop. */
  close(): Promise<void>;
};

/**
 * Everything the main process does, in plain Node: the Electron app and the
 * browser host both create one and bind it to their transport.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { paths } = options;
  // Every core log line also goes to the admin screen's "last 200 lines".
  const recent = createRecentLog();
  const logger = recordingLogger(options.logger, recent, 'core', () => options.platform.now());
  const configLog = logger.child('config');
  const hub = createEventHub();

  const describe = (config: LoadedConfig) => {
    if (config.ok) {
      configLog.info('configuration loaded', { role: config.device.role, file: paths.deviceConfig });
      return;
    }
    configLog.error('configuration is invalid; showing the out-of-service screen', { count: config.problems.length });
    for (const problem of config.problems) configLog.error(problem.message, { file: problem.file });
  };

  const services = createRoleServices({ logger, dataDir: options.dataDir, platform: options.platform, emit: hub.emit });
  let loaded = await loadConfig(paths);
  describe(loaded);
  const admin = createAdminFeature({
    dataDir: options.dataDir,
    platform: options.platform,
    logger: logger.child('admin'),
    recent,
    config: () => loaded,
    role: () => services.admin(),
    emit: hub.emit,
    outOfServiceChanged: () => publish(),
    ...(options.pinCost ? { pinCost: options.pinCost } : {}),
  });
  const bootstrapOf = (config: LoadedConfig) => applyOutOfService(toBootstrap(config), admin.screenState());
  let current = bootstrapOf(loaded);
  await services.apply(loaded);

  /** Tells subscribers when what the screen should show has changed; true when it did. */
  function publish(): boolean {
    const bootstrap = bootstrapOf(loaded);
    if (JSON.stringify(bootstrap) === JSON.stringify(current)) return false;
    current = bootstrap;
    hub.emit('app.bootstrapChanged', bootstrap);
    return true;
  }

  const reload = async () => {
    const next = await loadConfig(paths);
    await services.apply(next);
    loaded = next;
    if (publish()) describe(next);
    return current;
  };

  const interval = options.watchIntervalMs ?? 2000;
  const stopWatching =
    interval === false
      ? () => {}
      : watchConfigFiles([paths.deviceConfig, paths.agencyProfile], interval, () => {
          void reload();
        });

  // Each feature registers its own calls; kiosk and desk calls are forwarded to the running role by contract.
  // The gate goes around every handler, so any `admin.*` call (this feature's or another's) needs a session.
  const handlers: CallHandlers = gateAdminCalls(
    assertEveryCall({ ...createAppCalls({ logger, bootstrap: () => current }), ...services.handlers, ...admin.handlers }),
    admin.session,
    logger.child('admin'),
  );

  const pairing: Pick<CallHandlers, PairingCalls> = {
    'admin.pairing.overview': services.handlers['admin.pairing.overview'],
    'admin.pairing.createCode': services.handlers['admin.pairing.createCode'],
    'admin.pairing.pairWithDesk': services.handlers['admin.pairing.pairWithDesk'],
    'admin.pairing.confirm': services.handlers['admin.pairing.confirm'],
    'admin.pairing.unpair': services.handlers['admin.pairing.unpair'],
  };

  return {
    handlers,
    pairing,
    events: hub,
    bootstrap: () => current,
    reload,
    close: async () => {
      stopWatching();
      await admin.close();
      await services.close();
    },
  };
}

/** Every contract call has exactly one handler: a call declared but not registered fails at start, not when a page calls it. */
export function assertEveryCall(handlers: CallHandlers): CallHandlers {
  const missing = callNames.filter((name) => !Object.hasOwn(handlers, name) || typeof handlers[name] !== 'function');
  if (missing.length > 0) throw new Error(`no handler registered for: ${missing.join(', ')}`);
  return handlers;
}
