/**
 * The kiosk screen rendered against a real kiosk core, paired with a real desk
 * core on a loopback port of its own, so a request travels as it would in the
 * lobby: saved by the kiosk, delivered to the desk, acknowledged by an officer.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/src/app';
import type { LobbyApi } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createLogger, memorySink } from '../../../electron/core/logger';
import { inProcessApi } from '../support/in-process-api';
import { tempConfig } from '../support/temp-config';
import { pair } from '../trust/support/paired-cores';

// A whole visit typed through the screen, with real cores behind it, takes seconds on a shared
// two-core machine under load: the files that drive one get room beyond vitest's default 5 s.
vi.setConfig({ testTimeout: 20_000 });

const running: Array<() => Promise<void>> = [];

/** Unmounts the screen, then closes every core the test started and removes their folders. */
export async function closeKiosks(): Promise<void> {
  cleanup();
  for (const close of running.splice(0).reverse()) await close();
}

async function startCore(
  deviceFile: string,
  device?: (json: Record<string, unknown>) => unknown,
  profile?: (json: Record<string, unknown>) => unknown,
) {
  const config = await tempConfig(deviceFile);
  if (device) await config.edit(config.paths.deviceConfig, device);
  if (profile) await config.edit(config.paths.agencyProfile, profile);
  const core = await createCore({
    paths: config.paths,
    ...config.storage,
    logger: createLogger('t', memorySink()),
    watchIntervalMs: false,
  });
  running.push(async () => {
    await core.close();
    await config.remove();
  });
  return core;
}

export type KioskHarness = {
  kiosk: Core;
  /** The desk's side of the contract, to see what arrived and to answer as an officer would. */
  desk: LobbyApi;
  user: ReturnType<typeof userEvent.setup>;
};

export type KioskOptions = {
  /** No paired desk: the kiosk's only channel points at a port nothing listens on (or what `device` puts there). */
  withoutDesk?: boolean;
  /** Changes to the shipped kiosk config (after pairing). */
  device?: (json: Record<string, unknown>) => Record<string, unknown>;
  profile?: (json: Record<string, unknown>) => unknown;
  /** Wraps the API the screen gets (for example to make submit fail). */
  api?: (api: LobbyApi) => LobbyApi;
};

/** A loopback secret for the unpaired cases (a desk that is not there, one that refuses). */
export const loopbackSecret = `whsec_${Buffer.alloc(32, 12).toString('base64')}`;

export async function renderKiosk(options: KioskOptions = {}): Promise<KioskHarness> {
  const deskCore = await startCore('config/desk.json');
  const desk = inProcessApi(deskCore);
  const kiosk = await startCore(
    'config/kiosk.json',
    (json) => {
      const delivery = json.delivery as Record<string, unknown>;
      // Without a desk: a configured channel to a port nothing listens on.
      const channels = options.withoutDesk
        ? [{ id: 'front-desk', type: 'desk', url: 'http://127.0.0.1:9/lobby/v1', secret: loopbackSecret }]
        : [];
      const edited = { ...json, delivery: { ...delivery, pollSeconds: 0.2, channels } };
      return options.device ? options.device(edited) : edited;
    },
    options.profile,
  );
  // With a desk: paired through the same ceremony an administrator runs.
  if (!options.withoutDesk) await pair(deskCore, kiosk);
  const api = (options.api ?? ((a) => a))(inProcessApi(kiosk));
  const user = userEvent.setup();
  render(<App api={api} />);
  // The first render loads the kiosk's chunk and every translation: give a loaded machine time.
  await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' }, { timeout: 5000 });
  return { kiosk, desk, user };
}

/** The desk's view of the one request it holds, once it has arrived. */
export async function requestOnDesk(desk: LobbyApi) {
  const requests = (await desk['desk.getState']({})).requests;
  return requests[0];
}
