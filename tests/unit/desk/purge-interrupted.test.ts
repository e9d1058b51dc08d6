/**
 * A retention purge keeps each request's anonymous summary before it removes
 * the request's file. If the purge stops between the two (the desk crashed,
 * the disk refused), the next start must finish it without counting those
 * requests a second time in the program report.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import { openRequestStore } from '../../../electron/core/desk/request-store.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { testStorage } from '../support/temp-config.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const days = (n: number) => n * 24 * 3600 * 1000;
const week = (device: DeskDeviceConfig) => {
  device.retention.days = 7;
};

/** Node's files, except that removing a request file fails as a crash mid-purge would leave it: still there. */
const removalsFail: DurableFiles = {
  ...nodeFiles,
  remove: async (file) => {
    if (file.endsWith('.json')) throw new Error('the desk stopped here');
    await nodeFiles.remove(file);
  },
};

describe('a retention purge that stopped before the files went', () => {
  it('is finished at the next start, and each purged request counts once in the report', async () => {
    const first = await startDesk({ device: week, files: removalsFail });
    for (const reference of ['K1-0001', 'K1-0002']) await post(`${first.url()}/requests`, requestCreated({ reference }));
    first.clock.now += days(8);
    first.every.tick();
    await first.close();
    const failure = first.logs.find((e) => e.message === 'retention could not purge requests; it tries again in an hour');
    // The log keeps the kind of error only, never its text.
    expect(failure?.fields?.error).toBe('Error');
    const folder = path.join(first.dataDir, 'desk-requests');
    expect((await readdir(folder)).filter((n) => n.endsWith('.json'))).toHaveLength(2);

    const second = await startDesk({ device: week, dir: first.dir, startAt: first.clock.now });
    expect((await second.handlers['desk.getState']({})).requests).toEqual([]);
    expect((await second.handlers['desk.report']({ period: 'month' })).total).toBe(2);
    expect((await readdir(folder)).filter((n) => n.endsWith('.json'))).toEqual([]);
    await second.close();

    // And once finished it stays finished: a third start counts them once too.
    const third = await startDesk({ device: week, dir: first.dir, startAt: first.clock.now + 1000 });
    expect((await third.handlers['desk.report']({ period: 'month' })).total).toBe(2);
  });

  it('a request that arrived after the purge began is kept and counted once, not taken for a purged one', async () => {
    const first = await startDesk({ device: week, files: removalsFail });
    await post(`${first.url()}/requests`, requestCreated({ reference: 'K1-0001' }));
    first.clock.now += days(8);
    first.every.tick();
    const fresh = requestCreated({ reference: 'K1-0002' });
    await post(`${first.url()}/requests`, fresh);
    await first.close();

    const second = await startDesk({ device: week, dir: first.dir, startAt: first.clock.now });
    expect((await second.handlers['desk.getState']({})).requests.map((r) => r.reference)).toEqual(['K1-0002']);
    expect((await second.handlers['desk.report']({ period: 'month' })).total).toBe(2);
  });
});

describe('a purge to finish at start, when the store is also being tidied', () => {
  it('is still finished by the start after, if the first start failed between the two', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-purging-'));
    const storage = testStorage(dir);
    const open = (files: DurableFiles = nodeFiles) =>
      openRequestStore({ platform: storage.platform, logger: createLogger('desk', memorySink()), dataDir: storage.dataDir, files });
    try {
      const { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt } = requestCreated().request;
      const record = {
        id,
        reference,
        kind,
        priority,
        language,
        turningIn,
        dangerNow,
        kiosk,
        createdAt,
        receivedAt: '2026-11-01T10:00:00.000Z',
      };
      await (await open()).add(record, undefined);
      // The purge kept its summary and named the request, then stopped; the archive also holds an entry that cannot be read.
      const document = path.join(storage.dataDir, 'desk-requests.json');
      const summary = { receivedAt: record.receivedAt, kind: 'help-self', priority: 'normal', language: 'en', outcome: 'open' };
      await writeFile(document, JSON.stringify({ version: 2, archive: [summary, { broken: true }], purging: [record.id] }));
      await expect(open(removalsFail)).rejects.toThrow('the desk stopped here');
      const store = await open();
      expect([...store.all()]).toEqual([]);
      expect(store.archive()).toEqual([summary]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
