/**
 * A desk with an identity believes another desk's answer, relayed by a
 * kiosk, only with a valid signature from a desk it knows, and its own
 * answers by its own key. The desk here has a real identity and trust store
 * (as a paired desk has); the other desk's key is saved as desk-to-desk
 * pairing would save it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyProfileSchema, deviceConfigSchema, type DeskDeviceConfig } from '../../../shared/config.js';
import { ackStatement } from '../../../shared/backend/statements.js';
import type { DeskState } from '../../../shared/desk.js';
import { createDeskService } from '../../../electron/core/desk/desk-service.js';
import { manualEvery } from '../../../electron/core/desk/ticker.js';
import { newSigningKey, signText } from '../../../electron/core/identity/signing-key.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { openDeviceTrust } from '../../../electron/core/pairing/device-trust.js';
import type { RoleService, DeskCalls } from '../../../electron/core/service-context.js';
import { resourcesDir, testStorage } from '../support/temp-config.js';
import { post, requestCreated, requestUpdated, shippedSecret } from './support/backend-client.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Desk D1 with its own identity, knowing desk D2 by the key given. */
async function trustedDesk(otherDeskKey: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-signed-'));
  const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'config/desk.json'), 'utf8')) as Record<string, unknown>;
  const device = deviceConfigSchema.parse(shipped) as DeskDeviceConfig;
  device.receiver.port = 0;
  device.receiver.secrets = [shippedSecret];
  const profile = agencyProfileSchema.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
  );
  const clock = { now: Date.parse('2026-11-20T15:00:00Z') };
  const storage = testStorage(dir, { now: () => clock.now, notifier: { show: () => undefined } });
  const logger = createLogger('desk', memorySink());
  const trust = await openDeviceTrust({
    role: 'desk',
    deviceId: device.desk.id,
    label: device.desk.name,
    platform: storage.platform,
    logger,
    changed: () => undefined,
  });
  trust.store.saveDesk({ deskId: 'D2', name: 'Records window', publicKey: otherDeskKey, pairedAt: new Date(clock.now).toISOString() });
  const service: RoleService<DeskCalls> = await createDeskService(
    { device, profile, logger, dataDir: storage.dataDir, platform: storage.platform, emit: () => undefined, trust },
    { every: manualEvery() },
  );
  cleanups.push(async () => {
    await service.close();
    trust.close();
    await rm(dir, { recursive: true, force: true });
  });
  const state = () => service.handlers['desk.getState']({}) as DeskState;
  const url = state().receiver.url;
  if (!url) throw new Error('the receiver is not listening');
  return { service, clock, url, state, trust };
}

describe('a desk with an identity, hearing answers relayed by a kiosk', () => {
  const other = newSigningKey();
  let desk: Awaited<ReturnType<typeof trustedDesk>>;
  // One desk for both tests: making its identity (keys and a TLS certificate) takes seconds on a busy machine.
  beforeAll(async () => {
    desk = await trustedDesk(other.publicKey);
  }, 60_000);

  it("believes another known desk's acknowledgement signed with that desk's key, and refuses it unsigned", async () => {
    const message = requestCreated();
    const id = message.request.id;
    expect((await post(`${desk.url}/requests`, message, { anyCertificate: true })).status).toBe(200);
    const ack = {
      messageKey: 'coming-now' as const,
      deskId: 'D2',
      deskName: 'Records window',
      at: new Date(desk.clock.now + 1000).toISOString(),
    };

    const unsigned = await post(`${desk.url}/updates`, requestUpdated(id, { acknowledgement: ack }), { anyCertificate: true });
    expect(unsigned).toMatchObject({ status: 403, json: { error: 'unsigned-acknowledgement' } });

    const signature = signText(other, ackStatement(id, ack));
    const signed = await post(`${desk.url}/updates`, requestUpdated(id, { acknowledgement: { ...ack, signature } }), {
      anyCertificate: true,
    });
    expect(signed).toEqual({ status: 200, json: { ok: true } });
    expect(desk.state().requests.find((r) => r.id === id)?.acknowledgement).toMatchObject({ deskId: 'D2', byThisDesk: false });
  });

  it("believes its own acknowledgement coming back by its own key, not by another desk's", async () => {
    const message = requestCreated();
    const id = message.request.id;
    await post(`${desk.url}/requests`, message, { anyCertificate: true });
    const ack = {
      messageKey: 'coming-now' as const,
      deskId: 'D1',
      deskName: 'Front desk',
      at: new Date(desk.clock.now + 1000).toISOString(),
    };
    const byOtherKey = { ...ack, signature: signText(other, ackStatement(id, ack)) };
    const refused = await post(`${desk.url}/updates`, requestUpdated(id, { acknowledgement: byOtherKey }), { anyCertificate: true });
    expect(refused).toMatchObject({ status: 403, json: { error: 'unsigned-acknowledgement' } });
    const own = { ...ack, signature: signText(desk.trust.identity.signing, ackStatement(id, ack)) };
    expect((await post(`${desk.url}/updates`, requestUpdated(id, { acknowledgement: own }), { anyCertificate: true })).status).toBe(200);
    expect(desk.state().requests.find((r) => r.id === id)?.acknowledgement).toMatchObject({ deskId: 'D1', byThisDesk: true });
  });
});
