import { callsOf, type CallHandlers, type CallName } from '../../shared/contract.js';
import type { LoadedConfig } from './config/load-config.js';
import { createDeskService } from './desk/desk-service.js';
import { createKioskService } from './kiosk/kiosk-service.js';
import type { Logger } from './logger.js';
import { openDeviceTrust, type DeviceTrust, type PairingCalls } from './pairing/device-trust.js';
import type { Platform } from './platform.js';
import type { DeskCalls, KioskCalls, RoleAdmin, RoleService, ServiceContext } from './service-context.js';

/** The admin calls answered by this device's trust (its pairings), not by the admin feature. */
export const pairingCalls = callsOf('admin').filter((name): name is PairingCalls => name.startsWith('admin.pairing.'));

type Running = { key: string; kiosk?: RoleService<KioskCalls>; desk?: RoleService<DeskCalls> };
/** Kept across restarts of the same device: a pairing under way survives a changed setting. */
type Trusted = { key: string; trust: DeviceTrust; stopWatching: () => void };

export type RoleServices = {
  /** Starts, restarts or stops the role's service to match the configuration. */
  apply(config: LoadedConfig): Promise<void>;
  handlers: Pick<CallHandlers, KioskCalls | DeskCalls | PairingCalls>;
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
  let trusted: Trusted | undefined;
  let queue: Promise<void> = Promise.resolve();
  let lastConfig: LoadedConfig | undefined;

  /** This device's identity and pairings, made once per role and device id. */
  const trustFor = async (config: Extract<LoadedConfig, { ok: true }>): Promise<DeviceTrust> => {
    const device = config.device;
    const deviceId = device.role === 'kiosk' ? device.kiosk.id : device.desk.id;
    const label = device.role === 'kiosk' ? device.kiosk.location : device.desk.name;
    const key = JSON.stringify([device.role, deviceId, label]);
    if (trusted?.key === key) return trusted.trust;
    trusted?.stopWatching();
    trusted?.trust.close();
    const trust = await openDeviceTrust({
      role: device.role,
      deviceId,
      label,
      platform: options.platform,
      logger: options.logger.child('pairing'),
      changed: (overview) => options.emit('admin.pairing.changed', overview),
    });
    // A kiosk's channels follow its pairings: a new or removed desk restarts the service (the outbox stays on disk).
    const stopWatching =
      device.role === 'kiosk'
        ? trust.store.onChange(() => {
            queue = queue.then(async () => {
              if (!lastConfig?.ok) return;
              running.key = '';
              await start(lastConfig);
            });
          })
        : () => {};
    trusted = { key, trust, stopWatching };
    return trust;
  };

  const stop = async () => {
    const previous = running;
    running = { key: '' };
    await previous.kiosk?.close();
    await previous.desk?.close();
  };

  const start = async (config: LoadedConfig) => {
    if (!config.ok) return;
    lastConfig = config;
    const key = JSON.stringify([config.device, config.profile]);
    if (key === running.key) return;
    await stop();
    try {
      const trust = await trustFor(config);
      const base = { profile: config.profile, dataDir: options.dataDir, platform: options.platform, emit: options.emit, trust };
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
  const pairing = () => {
    // Not tied to the running service: a kiosk restarting after a pairing still answers its admin screen.
    if (!trusted || !lastConfig?.ok) throw new NotAvailable('pairing', 'this machine has no valid configuration right now');
    return trusted.trust.handlers;
  };

  /**
   * One forwarding handler per name, to whatever `target()` holds now. Looked
   * up as an own property, so a name the target does not answer fails plainly.
   */
  const forward = <N extends CallName>(names: readonly N[], target: () => Partial<CallHandlers>, before?: () => Promise<void>) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        async (input: unknown) => {
          await before?.();
          const handlers = target();
          if (!Object.hasOwn(handlers, name)) throw new NotAvailable(name, 'this machine does not answer this call');
          return (handlers[name] as (input: unknown) => unknown)(input);
        },
      ]),
    ) as unknown as Pick<CallHandlers, N>;

  return {
    apply(config) {
      lastConfig = config;
      queue = queue.then(() => (config.ok ? start(config) : stop()));
      return queue;
    },
    admin: () => running.kiosk?.admin ?? running.desk?.admin,
    handlers: {
      // Every kiosk and desk call in the contract, forwarded to the running service of that role.
      // A kiosk restarts when its pairings change; a call made meanwhile waits for it rather than failing.
      ...forward(callsOf('kiosk'), kiosk, () => queue),
      ...forward(callsOf('desk'), desk),
      ...forward(pairingCalls, pairing),
    },
    close() {
      queue = queue.then(async () => {
        await stop();
        trusted?.stopWatching();
        trusted?.trust.close();
        trusted = undefined;
      });
      return queue;
    },
  };
}
