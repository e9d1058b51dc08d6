/**
 * Runs the real kiosk service in a test: a temp data folder, the shipped
 * agency profile, a device config parsed by the real schema, a memory log,
 * and the events the renderer would receive.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agencyProfileSchema, deviceConfigSchema, type KioskDeviceConfig } from '../../../../shared/config.js';
import type { KioskRequestView, RequestInput } from '../../../../shared/request.js';
import { requestInputSchema } from '../../../../shared/request.js';
import { startKioskService, type KioskServiceOptions } from '../../../../electron/core/kiosk/kiosk-service.js';
import { createLogger, memorySink, type LogEntry } from '../../../../electron/core/logger.js';
import type { Platform } from '../../../../electron/core/platform.js';
import { openDeviceTrust, type DeviceTrust } from '../../../../electron/core/pairing/device-trust.js';
import type { KioskCalls, RoleService } from '../../../../electron/core/service-context.js';
import { resourcesDir, testStorage } from '../../support/temp-config.js';
import { defaultWaitMs, described, withinTime } from '../../support/within-time.js';

export const testSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const otherSecret = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';

type Delivery = KioskDeviceConfig['delivery'];
export type DeliveryOverrides = Partial<Omit<Delivery, 'channels' | 'retry'>> & { channels: unknown[]; retry?: Partial<Delivery['retry']> };

/** A kiosk device config through the real schema, with fast test timings unless given. */
export function kioskConfig(delivery: DeliveryOverrides, retention?: KioskDeviceConfig['retention']): KioskDeviceConfig {
  const device = deviceConfigSchema.parse({
    schemaVersion: 1,
    role: 'kiosk',
    kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
    delivery: {
      pollSeconds: 0.2,
      heartbeatSeconds: 60,
      requestTimeoutMs: 1000,
      retry: { initialDelayMs: 20, maxDelayMs: 200 },
      ...delivery,
    },
    ...(retention ? { retention } : {}),
  });
  if (device.role !== 'kiosk') throw new Error('expected a kiosk config');
  return device;
}

export const deskChannel = (url: string, extra: Record<string, unknown> = {}) => ({
  id: 'front-desk',
  type: 'desk',
  url,
  secret: testSecret,
  ...extra,
});

export const sampleInput = (overrides: Partial<RequestInput> = {}) =>
  requestInputSchema.parse({ kind: 'help-self', firstName: 'Maya', turningIn: false, dangerNow: false, language: 'en', ...overrides });

export type KioskHarness = {
  service: RoleService<KioskCalls>;
  dir: string;
  dataDir: string;
  log: LogEntry[];
  views: KioskRequestView[];
  /** With `setup.identity`: this kiosk's identity and pairings, as the role machinery opens them (the same on restart). */
  trust?: DeviceTrust;
  /** Resolves with the first log entry (already written or still to come) that matches; fails after `timeoutMs` saying what was logged. */
  waitForLog(match: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** Resolves with the first view of this request (already emitted or still to come) that matches; fails after `timeoutMs` naming the views seen. */
  waitForView(id: string, match: (view: KioskRequestView) => boolean, timeoutMs?: number): Promise<KioskRequestView>;
  /** Stops the service and starts a new one on the same data (a restart). */
  restart(changes?: { device?: KioskDeviceConfig; platform?: Partial<Platform>; options?: KioskServiceOptions }): Promise<void>;
  close(): Promise<void>;
};

export async function startKiosk(
  device: KioskDeviceConfig,
  setup: { platform?: Partial<Platform>; options?: KioskServiceOptions; identity?: boolean } = {},
): Promise<KioskHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-kiosk-'));
  const profile = agencyProfileSchema.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
  );
  const sink = memorySink();
  const logWaiters: Array<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }> = [];
  const watchedSink = (entry: LogEntry) => {
    sink(entry);
    for (const waiter of [...logWaiters]) {
      if (waiter.match(entry)) {
        logWaiters.splice(logWaiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  };
  const views: KioskRequestView[] = [];
  const waiters: Array<{ id: string; match: (v: KioskRequestView) => boolean; resolve: (v: KioskRequestView) => void }> = [];
  const emit = (name: string, payload: unknown) => {
    if (name !== 'request.changed') return;
    const view = payload as KioskRequestView;
    views.push(view);
    for (const waiter of [...waiters]) {
      if (waiter.id === view.id && waiter.match(view)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(view);
      }
    }
  };
  const start = async (current: KioskDeviceConfig, platform: Partial<Platform> | undefined, options: KioskServiceOptions | undefined) => {
    const storage = testStorage(dir, platform);
    const logger = createLogger('test', watchedSink);
    // The real identity, opened as role-services.ts opens it: its key is sealed with the platform's cipher.
    trust?.close();
    trust = setup.identity
      ? await openDeviceTrust({
          role: 'kiosk',
          deviceId: current.kiosk.id,
          label: current.kiosk.location,
          platform: storage.platform,
          logger: logger.child('pairing'),
          changed: () => undefined,
        })
      : undefined;
    return startKioskService(
      { device: current, profile, logger, dataDir: storage.dataDir, platform: storage.platform, emit, ...(trust ? { trust } : {}) },
      options,
    );
  };
  let trust: DeviceTrust | undefined;
  const harness: KioskHarness = {
    service: await start(device, setup.platform, setup.options),
    get trust() {
      return trust;
    },
    dir,
    dataDir: path.join(dir, 'data'),
    log: sink.entries,
    views,
    waitForLog: (match, timeoutMs = defaultWaitMs) => {
      const found = sink.entries.find(match);
      if (found) return Promise.resolve(found);
      const waiter = { match, resolve: (_e: LogEntry) => {} };
      const pending = new Promise<LogEntry>((resolve) => (waiter.resolve = resolve));
      logWaiters.push(waiter);
      const lastLines = () =>
        sink.entries
          .slice(-8)
          .map((e) => e.message)
          .join(' | ');
      return withinTime(
        pending,
        timeoutMs,
        () => `a log entry matching ${described(match)}; last lines: ${lastLines()}`,
        () => logWaiters.splice(logWaiters.indexOf(waiter), 1),
      );
    },
    waitForView: (id, match, timeoutMs = defaultWaitMs) => {
      const found = views.find((v) => v.id === id && match(v));
      if (found) return Promise.resolve(found);
      const waiter = { id, match, resolve: (_v: KioskRequestView) => {} };
      const pending = new Promise<KioskRequestView>((resolve) => (waiter.resolve = resolve));
      waiters.push(waiter);
      const seen = () =>
        views
          .filter((v) => v.id === id)
          .map((v) => `${v.phase}/${v.status}`)
          .join(', ') || 'none';
      return withinTime(
        pending,
        timeoutMs,
        () => `a view of ${id} matching ${described(match)}; views seen: ${seen()}`,
        () => waiters.splice(waiters.indexOf(waiter), 1),
      );
    },
    restart: async (changes = {}) => {
      await harness.service.close();
      harness.service = await start(changes.device ?? device, changes.platform ?? setup.platform, changes.options ?? setup.options);
    },
    close: async () => {
      await harness.service.close();
      trust?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
