import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { agencyProfileSchema, deviceConfigSchema, type DeskDeviceConfig } from '../../../shared/config.js';
import { createDeskService } from '../../../electron/core/desk/desk-service.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { resourcesDir, testStorage } from '../support/temp-config.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startDesk(options: { port?: number; now?: () => number } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-'));
  const device = deviceConfigSchema.parse({
    schemaVersion: 1,
    role: 'desk',
    desk: { id: 'D1', name: 'Front desk' },
    receiver: { host: '127.0.0.1', port: options.port ?? 0, secrets: [testSecret] },
  }) as DeskDeviceConfig;
  const profile = agencyProfileSchema.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
  );
  const storage = testStorage(dir, options.now ? { now: options.now } : {});
  const desk = await createDeskService({ device, profile, logger: createLogger('desk', memorySink()), ...storage, emit: () => {} });
  cleanup.push(async () => {
    await desk.close();
    await rm(dir, { recursive: true, force: true });
  });
  const url = (await desk.handlers['desk.getState']({})).receiver.url;
  if (!url) throw new Error('the desk receiver is not listening');
  return { desk, url };
}

describe('the kiosk against the real desk receiver', () => {
  it("delivers, hears the officer's acknowledgement and the closure", async () => {
    const { desk, url } = await startDesk();
    const kiosk = await startKiosk(kioskConfig({ channels: [deskChannel(url)] }));
    cleanup.push(() => kiosk.close());

    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const onDesk = (await desk.handlers['desk.getState']({})).requests.find((r) => r.id === id);
    expect(onDesk).toMatchObject({ firstName: 'Maya', kiosk: { id: 'K1' } });

    await desk.handlers['desk.acknowledge']({ id, messageKey: 'wait-5-minutes' });
    const acknowledged = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(acknowledged.acknowledgement).toMatchObject({ messageKey: 'wait-5-minutes', deskId: 'D1' });

    await desk.handlers['desk.close']({ id, outcome: 'referred' });
    await kiosk.waitForView(id, (v) => v.phase === 'closed');
    const health = (await desk.handlers['desk.getState']({})).kiosks.find((k) => k.kioskId === 'K1');
    expect(health).toMatchObject({ online: true });
  });
});

/** A loopback port nothing listens on yet: the desk is down, and comes up there later. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the desk counts the person's wait, not its own", () => {
  it.each([
    ['two minutes ahead of', 120_000],
    ['two minutes behind', -120_000],
  ])(
    "with the kiosk's clock %s the desk's, the waiting time matches the person's wait within a second, through an outage and after the answer",
    async (_label, skewMs) => {
      // Near the real time: signatures carry the kiosk's clock, and a receiver allows five minutes either way.
      const deskClock = { now: Date.now() };
      const kioskNow = () => deskClock.now + skewMs;
      const port = await freePort();
      const kiosk = await startKiosk(
        kioskConfig({ channels: [deskChannel(`http://127.0.0.1:${port}/lobby/v1`)], retry: { initialDelayMs: 20, maxDelayMs: 100 } }),
        { platform: { now: kioskNow } },
      );
      cleanup.push(() => kiosk.close());
      const { id, createdAt } = await kiosk.service.handlers['request.submit'](sampleInput());
      const personWait = () => (kioskNow() - Date.parse(createdAt)) / 1000;

      // The desk is down for 90 seconds of both machines' time, then comes back on the port the kiosk pages.
      deskClock.now += 90_000;
      const { desk } = await startDesk({ port, now: () => deskClock.now });
      await kiosk.waitForView(id, (v) => v.phase === 'delivered');
      const waiting = (await desk.handlers['desk.getState']({})).requests.find((r) => r.id === id);
      expect(waiting).toBeDefined();
      const deskWait = (deskClock.now - Date.parse(waiting?.askedAt ?? '')) / 1000;
      expect(Math.abs(deskWait - personWait())).toBeLessThanOrEqual(1);
      expect(personWait()).toBe(90);

      // Half a minute later an officer answers: the card says how long the person waited for it.
      deskClock.now += 30_000;
      const answered = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
      const waitedForAnswer = (Date.parse(answered.acknowledgement?.at ?? '') - Date.parse(answered.askedAt)) / 1000;
      expect(Math.abs(waitedForAnswer - personWait())).toBeLessThanOrEqual(1);
    },
  );
});
