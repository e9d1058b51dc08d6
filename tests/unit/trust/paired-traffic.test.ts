/**
 * What pairing is for: a kiosk pages its desk over pinned TLS with a secret
 * of its own, the desk signs its answers, and a copy of one kiosk's secret
 * silences no alert, changes no screen and blocks no officer.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { confStores, createKeyCipher } from '../../../electron/core/node-platform.js';
import { openTrustStore } from '../../../electron/core/pairing/trust-store.js';
import type { DeskState } from '../../../shared/desk.js';
import { waitingIds } from '../desk/support/desk-harness.js';
import type { KioskRequestView } from '../../../shared/request.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { testDataKey } from '../support/temp-config.js';
import { post, requestCreated, requestUpdated } from '../desk/support/backend-client.js';
import { deskDevice, kioskDevice, pair, startCore, type TestCore } from './support/paired-cores.js';

const track = closeAfterEach();
const fast = { pollSeconds: 0.2, heartbeatSeconds: 1, fallbackAfterSeconds: 3, retry: { initialDelayMs: 50, maxDelayMs: 200 } };
const hexOf = (grouped: string) => grouped.replace(/ /g, '').toLowerCase();

/** A copy of what a kiosk keeps about its desks, as a thief who took its disk and key would have it. */
async function stolenDesks(kiosk: TestCore) {
  const owner = hexOf((await kiosk.core.pairing['admin.pairing.overview']({})).fingerprint);
  return openTrustStore({
    openStore: confStores(path.join(kiosk.dir, 'data')),
    cipher: createKeyCipher(testDataKey),
    owner,
    logger: createLogger('thief', memorySink()),
  });
}

function nextView(core: Core, holds: (view: KioskRequestView) => boolean): Promise<KioskRequestView> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'request.changed' && holds(payload as KioskRequestView)) {
        stop();
        resolve(payload as KioskRequestView);
      }
    });
  });
}

function deskWhere(core: Core, holds: (state: DeskState) => boolean): Promise<DeskState> {
  return new Promise((resolve) => {
    const check = (state: DeskState) => {
      if (!holds(state)) return;
      stop();
      resolve(state);
    };
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'desk.changed') check(payload as DeskState);
      // One request's change: the whole state, as the console would hold it after applying it.
      if (name === 'desk.requestChanged') void Promise.resolve(core.handlers['desk.getState']({})).then(check);
    });
    void Promise.resolve(core.handlers['desk.getState']({})).then(check);
  });
}

const help = { kind: 'help-self', turningIn: false, dangerNow: false, language: 'en', firstName: 'Marisol' } as const;

async function pairedPair() {
  const desk = track(await startCore(await deskDevice()));
  const kiosk = track(await startCore(await kioskDevice('K1', 'Lobby kiosk 1', fast)));
  await pair(desk.core, kiosk.core);
  const url = (await desk.core.handlers['desk.getState']({})).receiver.url!;
  return { desk, kiosk, url };
}

describe('a paired kiosk and desk', () => {
  it("deliver over TLS with the kiosk's own secret, and the kiosk believes the desk's signed acknowledgement", async () => {
    const { desk, kiosk, url } = await pairedPair();
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/lobby\/v1$/);
    const submitted = await kiosk.core.handlers['request.submit'](help);
    const arrived = await deskWhere(desk.core, (s) => s.requests.some((r) => r.id === submitted.id));
    expect(arrived.requests[0]?.firstName).toBe('Marisol');

    const acknowledged = nextView(kiosk.core, (v) => v.id === submitted.id && v.phase === 'acknowledged');
    await desk.core.handlers['desk.acknowledge']({ id: submitted.id, messageKey: 'coming-now' });
    expect((await acknowledged).acknowledgement).toMatchObject({ deskId: 'D1', messageKey: 'coming-now', signature: expect.any(String) });
  });

  it("with a copy of one kiosk's secret, an attacker cannot silence the desk's alert or block its officer", async () => {
    const { desk, kiosk, url } = await pairedPair();
    const submitted = await kiosk.core.handlers['request.submit'](help);
    await deskWhere(desk.core, (s) => waitingIds(s).includes(submitted.id));
    const secret = (await stolenDesks(kiosk)).desk('D1')!.link!.secret;

    // The review's forged update: "another desk already answered", dated early to win.
    const forged = requestUpdated(submitted.id, {
      acknowledgement: {
        messageKey: 'coming-now',
        deskId: 'D2',
        deskName: 'Back office',
        at: new Date(Date.parse(submitted.createdAt) - 1000).toISOString(),
      },
    });
    const answer = await post(`${url}/updates`, forged, { secrets: [secret], anyCertificate: true });
    expect(answer.status).toBe(403);
    const state = await desk.core.handlers['desk.getState']({});
    expect(waitingIds(state)).toContain(submitted.id);
    expect(state.requests.find((r) => r.id === submitted.id)?.acknowledgement).toBeUndefined();
    // The officer can still answer.
    await desk.core.handlers['desk.acknowledge']({ id: submitted.id, messageKey: 'coming-now' });

    const refusal = desk.logs.find((e) => e.message === 'refused an update that no known desk signed');
    expect(refusal?.fields).toMatchObject({ requestId: submitted.id, kioskId: 'K1', reason: 'unsigned-acknowledgement' });
    expect(JSON.stringify(desk.logs)).not.toContain('Marisol');
  });

  it("refuses a kiosk presenting another kiosk's id, and updates for another kiosk's request", async () => {
    const { desk, kiosk, url } = await pairedPair();
    const other = track(await startCore(await kioskDevice('K2', 'Lobby kiosk 2', fast)));
    await pair(desk.core, other.core);
    const theirs = await other.core.handlers['request.submit'](help);
    await deskWhere(desk.core, (s) => s.requests.some((r) => r.id === theirs.id));
    const secret = (await stolenDesks(kiosk)).desk('D1')!.link!.secret;

    const asK2 = await post(`${url}/requests`, requestCreated({ kiosk: { id: 'K2', location: 'Lobby kiosk 2' } }), {
      secrets: [secret],
      anyCertificate: true,
    });
    expect(asK2).toMatchObject({ status: 403, json: { error: 'wrong-kiosk' } });
    const closeTheirs = requestUpdated(theirs.id, { closed: { outcome: 'referred', at: new Date().toISOString(), deskId: 'D1' } });
    expect((await post(`${url}/updates`, closeTheirs, { secrets: [secret], anyCertificate: true })).status).toBe(403);
    expect(waitingIds(await desk.core.handlers['desk.getState']({}))).toContain(theirs.id);
  });

  it('stops trusting a kiosk the moment it is unpaired', async () => {
    const { desk, kiosk, url } = await pairedPair();
    const secret = (await stolenDesks(kiosk)).desk('D1')!.link!.secret;
    expect((await post(`${url}/requests`, requestCreated(), { secrets: [secret], anyCertificate: true })).status).toBe(200);
    await desk.core.pairing['admin.pairing.unpair']({ role: 'kiosk', id: 'K1' });
    expect((await post(`${url}/requests`, requestCreated(), { secrets: [secret], anyCertificate: true })).status).toBe(401);
  });

  it('refuses a desk presenting a different certificate: the request stays queued and the fallback shows', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kioskCore = await startCore(await kioskDevice('K1', 'Lobby kiosk 1', fast), { keep: true });
    await pair(desk.core, kioskCore.core);
    const desks = await stolenDesks(kioskCore);
    await kioskCore.close();

    // Someone on the LAN answers at the desk's address with a certificate of their own.
    const fixtures = path.join(import.meta.dirname, '../delivery/support/tls');
    let reached = 0;
    const impostor = createServer(
      { cert: await readFile(path.join(fixtures, 'test-cert.pem')), key: await readFile(path.join(fixtures, 'test-key.pem')) },
      (_req, res) => {
        reached += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true,"duplicate":false}');
      },
    );
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => impostor.close(() => resolve())) });
    const real = desks.desk('D1')!;
    desks.saveDesk({
      ...real,
      link: { ...real.link!, url: `https://127.0.0.1:${(impostor.address() as { port: number }).port}/lobby/v1` },
    });

    const kiosk = track(await startCore(await kioskDevice('K1', 'Lobby kiosk 1', fast), { dir: kioskCore.dir }));
    const submitted = await kiosk.core.handlers['request.submit'](help);
    const late = await nextView(kiosk.core, (v) => v.id === submitted.id && v.status === 'not-reached-yet');
    expect(late.phase).toBe('captured');
    expect(reached).toBe(0);
    const reasons = kiosk.logs.filter((e) => e.message === 'delivery will be retried').map((e) => String(e.fields?.reason));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/CERT/);
  });
});
