/**
 * A desk core and kiosk cores of a test's own, each with its own data folder
 * and config, talking over real TLS on 127.0.0.1 — and the pairing ceremony
 * an administrator would run between them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../../electron/core/create-core.js';
import { createLogger, memorySink, type LogEntry } from '../../../../electron/core/logger.js';
import { pairLocally } from '../../../../electron/core/pairing/pair-locally.js';
import type { PairingOverview } from '../../../../shared/trust.js';
import { resourcesDir, testStorage } from '../../support/temp-config.js';

export type TestCore = { core: Core; logs: LogEntry[]; dir: string; close(): Promise<void> };

type Device = Record<string, unknown>;

async function shipped(name: 'kiosk' | 'desk'): Promise<Device> {
  return JSON.parse(await readFile(path.join(resourcesDir, 'config', `${name}.json`), 'utf8')) as Device;
}

/** `dir` reuses a folder (a restart); `keep` leaves the folder for one; `now` moves the core's clock. */
export async function startCore(device: Device, options: { dir?: string; keep?: boolean; now?: () => number } = {}): Promise<TestCore> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'lobby-trust-')));
  const deviceConfig = path.join(dir, 'device.json');
  await writeFile(deviceConfig, JSON.stringify(device));
  const sink = memorySink();
  const core = await createCore({
    paths: {
      deviceConfig,
      agencyProfile: path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'),
      localesDir: path.join(resourcesDir, 'locales'),
    },
    logger: createLogger('test', sink),
    watchIntervalMs: false,
    ...testStorage(dir, options.now ? { now: options.now } : {}),
  });
  return {
    core,
    logs: sink.entries,
    dir,
    close: async () => {
      await core.close();
      if (!options.dir && !options.keep) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The shipped desk config on a port the system picks, with a changed id and name when given. */
export async function deskDevice(id = 'D1', name = 'Front desk'): Promise<Device> {
  const desk = await shipped('desk');
  return { ...desk, desk: { id, name }, receiver: { ...(desk.receiver as object), port: 0 } };
}

export async function kioskDevice(id = 'K1', location = 'Lobby kiosk 1', delivery: Record<string, unknown> = {}): Promise<Device> {
  const kiosk = await shipped('kiosk');
  return { ...kiosk, kiosk: { id, location }, delivery: { ...(kiosk.delivery as object), ...delivery } };
}

/** The address the desk's admin screen tells the administrator to type. */
export async function codeOf(desk: Core): Promise<{ code: string; address: string }> {
  const made = await desk.pairing['admin.pairing.createCode']({});
  return { code: made.code, address: made.addresses[0]! };
}

/** Resolves when the overview says the condition holds (the kiosk keeps asking the desk once a second). */
export function overviewWhere(core: Core, holds: (overview: PairingOverview) => boolean): Promise<PairingOverview> {
  return new Promise((resolve) => {
    const check = async () => {
      const overview = await core.pairing['admin.pairing.overview']({});
      if (holds(overview)) {
        stop();
        resolve(overview);
      }
    };
    const stop = core.events.subscribe((name) => {
      if (name === 'admin.pairing.changed') void check();
    });
    void check();
  });
}

/** The whole ceremony as two administrators would do it (the same code path the demo host uses). */
export async function pair(desk: Core, initiator: Core): Promise<{ comparison: string }> {
  const { comparisonCode } = await pairLocally(desk.pairing, initiator.pairing);
  return { comparison: comparisonCode };
}
