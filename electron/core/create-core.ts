import type { Bootstrap } from '../../shared/bootstrap.js';
import type { CallHandlers, EventSource } from '../../shared/contract.js';
import { toBootstrap } from './bootstrap.js';
import { loadConfig, type ConfigPaths, type LoadedConfig } from './config/load-config.js';
import { watchConfigFiles } from './config/watch-config.js';
import { createEventHub } from './event-hub.js';
import type { Logger } from './logger.js';
import type { Platform } from './platform.js';
import { logReadAloudVoices } from './read-aloud-voices.js';
import { createRoleServices } from './role-services.js';

export type CoreOptions = {
  paths: ConfigPaths;
  logger: Logger;
  /** How often to look for edited config files; `false` turns watching off. */
  watchIntervalMs?: number | false;
  /** A folder of this core's own: the kiosk's outbox, the desk's store. */
  dataDir: string;
  platform: Platform;
};

export type Core = {
  handlers: CallHandlers;
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
  const { paths, logger } = options;
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
  const initial = await loadConfig(paths);
  describe(initial);
  let current = toBootstrap(initial);
  await services.apply(initial);

  const reload = async () => {
    const next = await loadConfig(paths);
    await services.apply(next);
    const bootstrap = toBootstrap(next);
    if (JSON.stringify(bootstrap) !== JSON.stringify(current)) {
      current = bootstrap;
      describe(next);
      hub.emit('app.bootstrapChanged', bootstrap);
    }
    return current;
  };

  const interval = options.watchIntervalMs ?? 2000;
  const stopWatching =
    interval === false
      ? () => {}
      : watchConfigFiles([paths.deviceConfig, paths.agencyProfile], interval, () => {
          void reload();
        });

  const handlers: CallHandlers = {
    'app.getBootstrap': () => current,
    'app.reportRendererError': ({ where, kind }) => {
      logger.child('renderer').error('renderer error', { where, kind });
      return { recorded: true };
    },
    'app.reportVoices': ({ withVoice }) => {
      logReadAloudVoices(logger.child('read-aloud'), current.languages, withVoice);
      return { recorded: true };
    },
    ...services.handlers,
  };

  return {
    handlers,
    events: hub,
    bootstrap: () => current,
    reload,
    close: async () => {
      stopWatching();
      await services.close();
    },
  };
}
