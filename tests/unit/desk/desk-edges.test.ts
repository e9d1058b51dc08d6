/**
 * Smaller desk behaviours found unpinned by mutation testing: the order of
 * the live list, what history holds, the CSV's file name, the admin screen's
 * channels, and the store's answers at its edges.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import { nodeFiles } from '../../../electron/core/delivery/durable-files.js';
import { openRequestStore } from '../../../electron/core/desk/request-store.js';
import { reportCsv } from '../../../electron/core/desk/report-csv.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { confStores } from '../../../electron/core/node-platform.js';
import { testStorage } from '../support/temp-config.js';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { heartbeat, post, requestCreated, requestUpdated, statusQuery } from './support/backend-client.js';

const folders: string[] = [];
afterEach(async () => {
  await closeAllDesks();
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const days = (n: number) => n * 24 * 3600 * 1000;

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-edges-'));
  folders.push(dir);
  return dir;
}

describe('the live list and history', () => {
  it('a normal request arriving after an emergency is listed and alerted after it', async () => {
    const desk = await startDesk();
    await post(
      `${desk.url()}/requests`,
      requestCreated({ reference: 'K1-0911', kind: 'emergency', priority: 'emergency', dangerNow: true }),
    );
    desk.clock.now += 1000;
    await post(`${desk.url()}/requests`, requestCreated({ reference: 'K2-0001', kiosk: { id: 'K2', location: 'Lobby kiosk 2' } }));
    const state = await desk.handlers['desk.getState']({});
    expect(state.requests.map((r) => r.reference)).toEqual(['K1-0911', 'K2-0001']);
    expect(waitingIds(state)).toEqual(state.requests.map((r) => r.id));
  });

  it('among equals, whoever asked first comes first, whenever their request arrived; an emergency before them all', async () => {
    const desk = await startDesk();
    const arriveAged = async (reference: string, ageSeconds: number, overrides: Parameters<typeof requestCreated>[0] = {}) => {
      const message = requestCreated({ reference, ...overrides });
      message.ageSeconds = ageSeconds;
      await post(`${desk.url()}/requests`, message);
      desk.clock.now += 1000;
    };
    await arriveAged('K1-0001', 0);
    await arriveAged('K1-0911', 0, { kind: 'emergency', priority: 'emergency', dangerNow: true });
    // Asked ten minutes ago (the kiosk kept it through an outage), so it has waited longest.
    await arriveAged('K1-0002', 600);
    await arriveAged('K1-0003', 0);
    const state = await desk.handlers['desk.getState']({});
    expect(state.requests.map((r) => r.reference)).toEqual(['K1-0911', 'K1-0002', 'K1-0001', 'K1-0003']);
  });

  it('two asked at the same instant are listed in the order of their ids, whichever came first', async () => {
    const desk = await startDesk();
    for (const id of ['req_bbbbbbbbbbbbbbbbbbbb', 'req_aaaaaaaaaaaaaaaaaaaa', 'req_cccccccccccccccccccc']) {
      const message = requestCreated({ id });
      message.ageSeconds = 0;
      await post(`${desk.url()}/requests`, message);
    }
    expect((await desk.handlers['desk.getState']({})).requests.map((r) => r.id)).toEqual([
      'req_aaaaaaaaaaaaaaaaaaaa',
      'req_bbbbbbbbbbbbbbbbbbbb',
      'req_cccccccccccccccccccc',
    ]);
  });

  it('closing a request already answered leaves the others alerting', async () => {
    const desk = await startDesk();
    const first = requestCreated({ reference: 'K1-0001' });
    const second = requestCreated({ reference: 'K1-0002' });
    for (const message of [first, second]) await post(`${desk.url()}/requests`, message);
    await desk.handlers['desk.acknowledge']({ id: first.request.id, messageKey: 'coming-now' });
    await desk.handlers['desk.close']({ id: first.request.id, outcome: 'referred' });
    expect(waitingIds(await desk.handlers['desk.getState']({}))).toEqual([second.request.id]);
  });

  it('history holds what closed within the days asked, to the millisecond, and never a test page', async () => {
    const desk = await startDesk();
    const real = requestCreated({ reference: 'K1-0001' });
    const test = requestCreated({ reference: 'K1-0000' });
    test.request.test = true;
    for (const message of [real, test]) await post(`${desk.url()}/requests`, message);
    await desk.handlers['desk.close']({ id: real.request.id, outcome: 'referred' });
    await desk.handlers['desk.acknowledge']({ id: test.request.id, messageKey: 'coming-now' });
    desk.clock.now += days(7);
    expect((await desk.handlers['desk.history']({ days: 7 })).map((r) => r.reference)).toEqual(['K1-0001']);
    desk.clock.now += 1;
    expect(await desk.handlers['desk.history']({ days: 7 })).toEqual([]);
  });
});

describe('the desk role', () => {
  it('has no delivery channels to show on its admin screen', async () => {
    const desk = await startDesk();
    expect(desk.service.admin?.channels()).toEqual([]);
  });
});

describe('the CSV file name', () => {
  it('a program name with no Latin letters or digits is named "program"', () => {
    const now = new Date(2026, 10, 20, 15).getTime();
    expect(reportCsv('برنامج العبور', 'day', [], now).fileName).toBe('program-report-2026-11-20-to-2026-11-20.csv');
    expect(reportCsv('  Safe Passage! ', 'day', [], now).fileName).toBe('safe-passage-report-2026-11-20-to-2026-11-20.csv');
  });
});

describe('the request store at its edges', () => {
  const logger = () => createLogger('desk', memorySink());

  it('changing a request it does not hold is refused in words', async () => {
    const storage = testStorage(await tempDir());
    const store = await openRequestStore({ platform: storage.platform, logger: logger(), dataDir: storage.dataDir });
    await expect(store.update('req_missing000000000000', (r) => r)).rejects.toThrow('that request is not stored on this desk');
  });

  it('a request file that cannot even be read is set aside as an empty copy, and the store still opens', async () => {
    const storage = testStorage(await tempDir());
    const folder = path.join(storage.dataDir, 'desk-requests');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'req_broken00000000000001.json'), '{ not json');
    const files = {
      ...nodeFiles,
      read: async (file: string) => {
        if (file.endsWith('req_broken00000000000001.json')) throw new Error('EIO: the disk could not read it');
        return nodeFiles.read(file);
      },
    };
    const sink = memorySink();
    const store = await openRequestStore({
      platform: storage.platform,
      logger: createLogger('desk', sink),
      dataDir: storage.dataDir,
      files,
    });
    expect([...store.all()]).toEqual([]);
    expect(await readdir(path.join(folder, 'set-aside'))).toEqual(['req_broken00000000000001.json']);
    expect(await nodeFiles.read(path.join(folder, 'set-aside', 'req_broken00000000000001.json'))).toBe('');
    expect(sink.entries.map((e) => e.message)).toContain('stored desk records could not be read; set aside for an administrator');
  });
});

describe('retention on a running desk', () => {
  const minutes = (n: number) => n * 60_000;
  const shortRetention = { device: (d: DeskDeviceConfig) => (d.retention.days = 2) };

  it('checks once an hour, not at every tick: a request that expired since the last check stays until the next', async () => {
    const desk = await startDesk(shortRetention);
    const start = desk.clock.now;
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    // A check a minute before the request expires finds nothing; two minutes later it has expired.
    desk.clock.now = start + days(2) - minutes(1);
    desk.every.tick();
    // That check reads the clock when it runs: a round trip lets it run (it has no file to touch) before the clock moves.
    await post(`${desk.url()}/status`, statusQuery([]));
    desk.clock.now = start + days(2) + minutes(1);
    desk.every.tick();
    // Closing waits for any purge a tick started.
    await desk.close();
    expect(await readdir(path.join(desk.dataDir, 'desk-requests'))).toContain(`${message.request.id}.json`);
  });

  it('the next check comes an hour after the last one, to the millisecond', async () => {
    const desk = await startDesk(shortRetention);
    const start = desk.clock.now;
    await post(`${desk.url()}/requests`, requestCreated());
    const lastCheck = start + days(2) - minutes(1);
    desk.clock.now = lastCheck;
    desk.every.tick();
    await post(`${desk.url()}/status`, statusQuery([]));
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
    const before = desk.states.length;
    desk.clock.now = lastCheck + minutes(60);
    desk.every.tick();
    await desk.waitForState((s) => desk.states.indexOf(s) >= before && s.requests.length === 0);
  });
});

describe('a console action whose announcement fails', () => {
  it('still stands, and the log says it was a console action', async () => {
    let failing = false;
    const desk = await startDesk({
      onEmit: (name) => {
        if (failing && name === 'desk.requestChanged') throw new Error('the window is gone');
      },
    });
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    failing = true;
    const view = await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' });
    expect(view.state).toBe('acknowledged');
    expect(desk.logs.filter((e) => e.message.startsWith('desk work failed')).map((e) => e.fields?.where)).toEqual(['console action']);
  });
});

describe("a kiosk's heartbeats on disk and on the console", () => {
  it('a change is written and shown at once; the same numbers are written at most every half offline window', async () => {
    const dir = await tempDir();
    const kioskWrites: unknown[] = [];
    const stores = confStores(path.join(dir, 'data'));
    const desk = await startDesk({
      dir,
      platform: {
        openStore: (name, defaults) => {
          const store = stores(name, defaults);
          if (name !== 'desk-kiosks') return store;
          return { ...store, write: (value) => (kioskWrites.push(value), store.write(value)) };
        },
      },
    });
    // offlineAfterSeconds is 60 in the shipped config: a write is due every 30 s.
    const beat = async (message: ReturnType<typeof heartbeat>, at: number) => {
      desk.clock.now = at;
      expect((await post(`${desk.url()}/heartbeats`, message)).status).toBe(200);
      // The write happens after the answer: a second round trip lets it run.
      await post(`${desk.url()}/status`, statusQuery([]));
    };
    const t0 = desk.clock.now;
    await beat(heartbeat('K1'), t0);
    expect(kioskWrites).toHaveLength(1);
    await beat(heartbeat('K1'), t0 + 29_999);
    expect(kioskWrites).toHaveLength(1);
    await beat(heartbeat('K1'), t0 + 30_000);
    expect(kioskWrites).toHaveLength(2);
    await beat(heartbeat('K1', 0, 1), t0 + 30_001);
    expect(kioskWrites).toHaveLength(3);
    const moved = { ...heartbeat('K1', 0, 1), kiosk: { id: 'K1', location: 'Side door' } };
    await beat(moved, t0 + 30_002);
    expect(kioskWrites).toHaveLength(4);
    expect((await desk.handlers['desk.getState']({})).kiosks).toMatchObject([
      { kioskId: 'K1', location: 'Side door', failedDeliveries: 1 },
    ]);
    expect(desk.changes.map((c) => c.kiosks[0]?.location ?? '')).toEqual(['Lobby kiosk K1', 'Lobby kiosk K1', 'Side door']);
  });
});

describe('arrivals at the receiver', () => {
  it('a kiosk sending the same request again and again is not held to the new-request limit', async () => {
    const desk = await startDesk({ device: (d) => (d.limits.requestsPerKioskPerMinute = 3) });
    const message = requestCreated();
    for (let i = 0; i < 6; i += 1) expect((await post(`${desk.url()}/requests`, message)).status).toBe(200);
    expect((await post(`${desk.url()}/requests`, requestCreated())).status).toBe(200);
  });

  it('logs each new request by id, reference, kiosk and priority, never the name', async () => {
    const desk = await startDesk();
    const message = requestCreated({ reference: 'K1-0042', firstName: 'Marisol' });
    await post(`${desk.url()}/requests`, message);
    const received = desk.logs.filter((e) => e.message === 'request received');
    expect(received.map((e) => e.fields)).toEqual([
      { requestId: message.request.id, reference: 'K1-0042', kioskId: 'K1', priority: 'normal' },
    ]);
    expect(JSON.stringify(desk.logs)).not.toContain('Marisol');
  });

  it('a request another desk acknowledged before it arrived here is listed but not alerted', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const acknowledgement = {
      messageKey: 'coming-now' as const,
      deskId: 'D2',
      deskName: 'Records window',
      at: new Date(desk.clock.now).toISOString(),
    };
    await post(`${desk.url()}/updates`, requestUpdated(message.request.id, { acknowledgement }));
    await post(`${desk.url()}/requests`, message);
    const state = await desk.waitForState((s) => s.requests.length === 1);
    expect(waitingIds(state)).toEqual([]);
    expect(waitingIds(await desk.handlers['desk.getState']({}))).toEqual([]);
    desk.clock.now += 60_000;
    desk.every.tick();
    expect(desk.notifications).toEqual([]);
    expect(desk.logs.filter((e) => e.level === 'error')).toEqual([]);
  });
});

describe('status queries at the receiver', () => {
  it('count as messages, not as new requests: many queries do not hit the request limit', async () => {
    const desk = await startDesk({ device: (d) => (d.limits.requestsPerKioskPerMinute = 3) });
    for (let i = 0; i < 5; i += 1) expect((await post(`${desk.url()}/status`, statusQuery(['req_aaaaaaaaaaaaaaaaaaaa']))).status).toBe(200);
    expect((await post(`${desk.url()}/requests`, requestCreated())).status).toBe(200);
  });
});

describe('a test page purged by retention', () => {
  it('leaves no count behind, while a real request purged with it still counts', async () => {
    const desk = await startDesk({ device: (d) => (d.retention.days = 2) });
    const test = requestCreated({ reference: 'K1-0000' });
    test.request.test = true;
    for (const message of [test, requestCreated()]) await post(`${desk.url()}/requests`, message);
    const before = desk.states.length;
    desk.clock.now += days(3);
    desk.every.tick();
    await desk.waitForState((s) => desk.states.indexOf(s) >= before && s.requests.length === 0);
    expect((await desk.handlers['desk.report']({ period: 'year' })).total).toBe(1);
  });
});
