import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post } from './support/backend-client.js';

afterEach(closeAllDesks);

describe('kiosk health on the desk', () => {
  it('a heartbeat puts the kiosk online with its outbox numbers', async () => {
    const desk = await startDesk();
    expect(await post(`${desk.url()}/heartbeats`, heartbeat('K1', 2, 1))).toEqual({ status: 200, json: { ok: true } });
    const state = await desk.waitForState((s) => s.kiosks.length === 1);
    expect(state.kiosks).toEqual([
      {
        kioskId: 'K1',
        location: 'Lobby kiosk K1',
        lastHeartbeatAt: new Date(desk.clock.now).toISOString(),
        online: true,
        outboxDepth: 2,
        failedDeliveries: 1,
      },
    ]);
  });

  it('goes offline after offlineAfterSeconds of silence, tells the console, and comes back with the next heartbeat', async () => {
    const desk = await startDesk();
    await post(`${desk.url()}/heartbeats`, heartbeat('K1'));
    await desk.waitForState((s) => s.kiosks[0]?.online === true);
    desk.clock.now += 59_000;
    desk.every.tick();
    expect(desk.states.at(-1)?.kiosks[0]?.online).toBe(true);
    desk.clock.now += 1_000;
    desk.every.tick();
    expect(desk.states.at(-1)?.kiosks[0]?.online).toBe(false);
    const emitted = desk.states.length;
    desk.every.tick();
    expect(desk.states).toHaveLength(emitted);
    await post(`${desk.url()}/heartbeats`, heartbeat('K1'));
    await desk.waitForState((s) => s === desk.states[emitted] && s.kiosks[0]?.online === true);
  });

  it('an unchanged heartbeat does not wake the console', async () => {
    const desk = await startDesk();
    await post(`${desk.url()}/heartbeats`, heartbeat('K1', 3));
    await desk.waitForState((s) => s.kiosks.length === 1);
    const emitted = desk.states.length;
    await post(`${desk.url()}/heartbeats`, heartbeat('K1', 3));
    await post(`${desk.url()}/heartbeats`, heartbeat('K1', 4));
    await desk.waitForState((s) => s.kiosks[0]?.outboxDepth === 4);
    expect(desk.states).toHaveLength(emitted + 1);
  });

  it('remembers kiosks across a restart, so a kiosk that died meanwhile shows as offline', async () => {
    const first = await startDesk();
    await post(`${first.url()}/heartbeats`, heartbeat('K7'));
    await first.waitForState((s) => s.kiosks.length === 1);
    await first.close();
    const second = await startDesk({ dir: first.dir, startAt: first.clock.now + 10 * 60_000 });
    expect((await second.handlers['desk.getState']({})).kiosks).toMatchObject([{ kioskId: 'K7', online: false }]);
  });

  it('a damaged kiosk record on disk is dropped with a warning; the desk starts with the others', async () => {
    const first = await startDesk();
    await post(`${first.url()}/heartbeats`, heartbeat('K1'));
    await first.waitForState((s) => s.kiosks.length === 1);
    await first.close();
    const file = path.join(first.dataDir, 'desk-kiosks.json');
    const document = JSON.parse(await readFile(file, 'utf8')) as { kiosks: Record<string, unknown> };
    // K9: a whole, valid record, but of another kiosk than its key says.
    Object.assign(document.kiosks, {
      constructor: { kioskId: 'constructor', location: 42 },
      K2: { kioskId: 'K2' },
      K9: document.kiosks.K1,
    });
    await writeFile(file, JSON.stringify(document));

    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now });
    expect((await desk.handlers['desk.getState']({})).kiosks.map((k) => k.kioskId)).toEqual(['K1']);
    expect(desk.logs.find((e) => e.message.startsWith('stored kiosk health records could not be read'))?.fields).toEqual({ count: 3 });
  });
});
