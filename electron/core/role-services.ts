import type { CallHandlers } from '../../shared/contract.js';
import type { LoadedConfig } from './config/load-config.js';
import { createDeskService } from './desk/desk-service.js';
import { createKioskService } from './kiosk/kiosk-service.js';
import type { Logger } from './logger.js';
import type { Platform } from './platform.js';
import type { DeskCalls, KioskCalls, RoleAdmin, RoleService, ServiceContext } from './service-context.js';

type Running = { key: string; kiosk?: RoleService<KioskCalls>; desk?: RoleService<DeskCalls> };

export type RoleServices = {
  /** Starts, restarts or stops the role's service to match the configuration. */
  apply(config: LoadedConfig): Promise<void>;
  handlers: Pick<CallHandlers, KioskCalls | DeskCalls>;
  /** What the running role offers the admin screen; undefined while none runs. */
  admin(): RoleAdmin | undefined;
  close(): Promise<void>;
};

class NotAvailable extends Error {
  constructor(call: string, why: string) {
    super(`${call}: ${why}`);
    this.name = 'NotAvailable';
  }
}

/**
 * Runs the service of this machine's role while its configuration is valid.
 * A changed device config or profile restarts it (data stays on disk, so an
 * outbox resumes); an invalid one stops it, and calls then fail plainly.
 */
export function createRoleServices(options: {
  logger: Logger;
  dataDir: string;
  platform: Platform;
  emit: ServiceContext<unknown>['emit'];
}): RoleServices {
  let running: Running = { key: '' };
  let queue: Promise<void> = Promise.resolve();

  const stop = async () => {
    const previous = running;
    running = { key: '' };
    await previous.kiosk?.close();
    await previous.desk?.close();
  };

  const start = async (config: LoadedConfig) => {
    if (!config.ok) return;
    const key = JSON.stringify([config.device, config.profile]);
    if (key === running.key) return;
    await stop();
    const base = { profile: config.profile, dataDir: options.dataDir, platform: options.platform, emit: options.emit };
    try {
      if (config.device.role === 'kiosk') {
        const kiosk = await createKioskService({ ...base, device: config.device, logger: options.logger.child('kiosk') });
        running = { key, kiosk };
      } else {
        const desk = await createDeskService({ ...base, device: config.device, logger: options.logger.child('desk') });
        running = { key, desk };
      }
    } catch (error) {
      options.logger.error('the role service could not start', { role: config.device.role, error: error as Error });
    }
  };

  const kiosk = () => {
    if (!running.kiosk) throw new NotAvailable('kiosk', 'this machine is not a working kiosk right now');
    return running.kiosk.handlers;
  };
  const desk = () => {
    if (!running.desk) throw new NotAvailable('desk', 'this machine is not a working desk right now');
    return running.desk.handlers;
  };

  return {
    apply(config) {
      queue = queue.then(() => (config.ok ? start(config) : stop()));
      return queue;
    },
    admin: () => running.kiosk?.admin ?? running.desk?.admin,
    handlers: {
      'request.submit': (input) => kiosk()['request.submit'](input),
      'request.get': (input) => kiosk()['request.get'](input),
      'desk.getState': (input) => desk()['desk.getState'](input),
      'desk.acknowledge': (input) => desk()['desk.acknowledge'](input),
      'desk.close': (input) => desk()['desk.close'](input),
      'desk.history': (input) => desk()['desk.history'](input),
      'desk.report': (input) => desk()['desk.report'](input),
      'desk.exportCsv': (input) => desk()['desk.exportCsv'](input),
    },
    close() {
      queue = queue.then(stop);
      return queue;
    },
  };
}
