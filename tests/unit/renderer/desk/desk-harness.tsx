/**
 * A desk console rendered against a real desk core (receiver on a loopback
 * port of its own, store in a temp folder), and a stand-in kiosk that sends
 * it signed backend-call messages, as a real kiosk would.
 */
import { request as httpsRequest } from 'node:https';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { DeskHome } from '../../../../renderer/src/desk/desk-home';
import { setupI18n } from '../../../../renderer/src/i18n/setup-i18n';
import { signMessage } from '../../../../shared/backend/signing';
import type { LobbyApi } from '../../../../shared/contract';
import type { AckMessageKey, RequestKind } from '../../../../shared/request';
import { createCore, type Core } from '../../../../electron/core/create-core';
import { createLogger, memorySink } from '../../../../electron/core/logger';
import { inProcessApi } from '../../support/in-process-api';
import { pair } from '../../trust/support/paired-cores';
import { tempConfig, testStorage } from '../../support/temp-config';

/** Shipped configs trust no kiosk until one is paired; this harness plays a kiosk with a configured loopback secret. */
const secrets = [`whsec_${Buffer.alloc(32, 11).toString('base64')}`];

export type Clock = { now: number };

export type DeskHarness = {
  core: Core;
  api: LobbyApi;
  clock: Clock;
  receiverUrl: string;
};

const running: Array<() => Promise<void>> = [];

/** Closes every core the tests started and removes their folders. */
export async function closeDesks(): Promise<void> {
  cleanup();
  for (const close of running.splice(0)) await close();
}

/**
 * Starts a desk core with the shipped desk config (receiver on a free port),
 * optionally edited, and renders the console with it. `clock.now` is the
 * core's time: move it to age requests or silence a kiosk.
 */
export async function renderDesk(
  options: {
    device?: (json: Record<string, unknown>) => unknown;
    profile?: (json: Record<string, unknown>) => unknown;
    api?: (api: LobbyApi) => LobbyApi;
  } = {},
): Promise<DeskHarness> {
  const config = await tempConfig('config/desk.json');
  await config.edit(config.paths.deviceConfig, (json) => ({ ...json, receiver: { ...(json.receiver as object), secrets } }));
  if (options.device) await config.edit(config.paths.deviceConfig, options.device);
  if (options.profile) await config.edit(config.paths.agencyProfile, options.profile);
  const clock: Clock = { now: Date.now() };
  const storage = testStorage(config.dir, { now: () => clock.now });
  const core = await createCore({ paths: config.paths, ...storage, logger: createLogger('t', memorySink()), watchIntervalMs: false });
  running.push(async () => {
    await core.close();
    await config.remove();
  });
  const bootstrap = core.bootstrap();
  if (bootstrap.state !== 'ready') throw new Error('the desk config did not load');
  const api = (options.api ?? ((a) => a))(inProcessApi(core));
  const i18n = await setupI18n({ language: 'en', profile: bootstrap.profile });
  render(
    <I18nextProvider i18n={i18n}>
      <DeskHome bootstrap={bootstrap} api={api} />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Desk console' });
  const state = await api['desk.getState']({});
  return { core, api, clock, receiverUrl: state.receiver.url ?? '' };
}

let sequence = 0;

function post(url: string, body: string): Promise<number> {
  const headers = { 'content-type': 'application/json', ...signMessage(secrets, `msg_${Date.now()}_${++sequence}`, body, new Date()) };
  return new Promise((resolve, reject) => {
    // The desk serves TLS with its own certificate; this harness is not testing the pin.
    const req = httpsRequest(url, { method: 'POST', headers, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function send(url: string, message: object): Promise<void> {
  const status = await post(url, JSON.stringify(message));
  if (status !== 200) throw new Error(`the desk receiver answered ${status} to ${url}`);
}

export type KioskRequest = {
  id: string;
  reference: string;
  kind: RequestKind;
  language: string;
  firstName?: string;
  turningIn: boolean;
  dangerNow: boolean;
  location: string;
};

/** A kiosk request with sensible defaults; ids and references are unique per call. */
export function kioskRequest(overrides: Partial<KioskRequest> = {}): KioskRequest {
  const n = ++sequence;
  return {
    id: `req_test${String(n).padStart(16, '0')}`,
    reference: `K1-${String(1000 + n).slice(-4)}`,
    kind: 'help-self',
    language: 'es',
    turningIn: false,
    dangerNow: false,
    location: 'Lobby kiosk 1',
    ...overrides,
  };
}

/** What a kiosk POSTs to /requests when a person presses submit. */
export async function sendRequest(desk: DeskHarness, request: KioskRequest): Promise<void> {
  const { location, firstName, ...rest } = request;
  const priority = rest.kind === 'emergency' || rest.dangerNow ? 'emergency' : 'normal';
  await send(`${desk.receiverUrl}/requests`, {
    type: 'request.created',
    version: 1,
    sentAt: new Date().toISOString(),
    request: {
      ...rest,
      ...(firstName ? { firstName } : {}),
      program: 'Safe Passage',
      agency: "Lee's Summit Police Department",
      kiosk: { id: 'K1', location },
      priority,
      createdAt: new Date().toISOString(),
    },
  });
}

/**
 * Another desk of the department, paired with this one through the real
 * ceremony, receives the same request and answers it; the kiosk then relays
 * that desk's signed answer here, as it does in the lobby.
 */
export async function sendOtherDeskAnswer(
  desk: DeskHarness,
  request: KioskRequest,
  deskName: string,
  messageKey: AckMessageKey,
): Promise<void> {
  const config = await tempConfig('config/desk.json');
  await config.edit(config.paths.deviceConfig, (json) => ({
    ...json,
    desk: { id: 'D2', name: deskName },
    receiver: { ...(json.receiver as object), secrets },
  }));
  const other = await createCore({
    paths: config.paths,
    ...config.storage,
    logger: createLogger('t', memorySink()),
    watchIntervalMs: false,
  });
  running.push(async () => {
    await other.close();
    await config.remove();
  });
  await pair(desk.core, other);
  await sendRequest({ receiverUrl: (await other.handlers['desk.getState']({})).receiver.url ?? '' } as DeskHarness, request);
  const answered = await other.handlers['desk.acknowledge']({ id: request.id, messageKey });
  const { messageKey: key, deskId, deskName: name, at, signature } = answered.acknowledgement!;
  const acknowledgement = { messageKey: key, deskId, deskName: name, at, signature };
  await send(`${desk.receiverUrl}/updates`, {
    type: 'request.updated',
    version: 1,
    sentAt: new Date().toISOString(),
    requestId: request.id,
    acknowledgement,
  });
}

/** A kiosk's periodic "I am alive", with its outbox numbers. */
export async function sendHeartbeat(
  desk: DeskHarness,
  kiosk: { id: string; location: string; outboxDepth?: number; failedDeliveries?: number },
): Promise<void> {
  await send(`${desk.receiverUrl}/heartbeats`, {
    type: 'kiosk.heartbeat',
    version: 1,
    sentAt: new Date().toISOString(),
    kiosk: { id: kiosk.id, location: kiosk.location },
    outboxDepth: kiosk.outboxDepth ?? 0,
    failedDeliveries: kiosk.failedDeliveries ?? 0,
  });
}
