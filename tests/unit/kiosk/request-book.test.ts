/**
 * The kiosk's book of requests on the real outbox in a temp folder: capture
 * order survives a restart, sequence numbers keep growing, the screen hears
 * only changes it can see, and references of closed requests are free again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';
import { initialChannels } from '../../../electron/core/kiosk/channel-states.js';
import { newRecord } from '../../../electron/core/kiosk/new-record.js';
import { createRequestBook } from '../../../electron/core/kiosk/request-book.js';
import { parseRecord, type RequestRecord } from '../../../electron/core/kiosk/request-record.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import type { KioskRequestView } from '../../../shared/request.js';
import { sampleInput } from './support/kiosk-harness.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const t0 = Date.parse('2026-11-30T10:00:00Z');

async function openBook(dir?: string) {
  const folder = dir ?? (await mkdtemp(path.join(tmpdir(), 'lobby-book-')));
  if (!dir) dirs.push(folder);
  const store = await openOutboxStore(folder, parseRecord);
  const clock = { now: t0 };
  const views: KioskRequestView[] = [];
  const book = createRequestBook({
    store,
    now: () => clock.now,
    logger: createLogger('test', memorySink()),
    emit: (name, payload) => {
      if (name === 'request.changed') views.push(payload as KioskRequestView);
    },
  });
  const { records } = await store.loadAll();
  for (const record of records) book.restore(record);
  return { folder, book, clock, views };
}

const recordFor = (seq: number, reference: string): RequestRecord => ({
  ...newRecord(sampleInput(), { kioskId: 'K1', seq, taken: new Set(), now: t0, channels: initialChannels([]) }),
  reference,
});

describe('the request book', () => {
  it('lists requests in capture order, also after a restart reads them back in file order', async () => {
    const { folder, book } = await openBook();
    const added: string[] = [];
    for (let n = 0; n < 6; n += 1) {
      const record = recordFor(book.nextSeq(), `K1-000${n}`);
      await book.add(record);
      added.push(record.id);
    }
    expect(book.all().map((r) => r.id)).toEqual(added);
    const again = await openBook(folder);
    expect(again.book.all().map((r) => r.id)).toEqual(added);
    expect(again.book.all().map((r) => r.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('goes on numbering after the highest sequence it added or read back', async () => {
    const { folder, book } = await openBook();
    expect(book.nextSeq()).toBe(0);
    await book.add(recordFor(7, 'K1-0007'));
    expect(book.nextSeq()).toBe(8);
    await book.add(recordFor(3, 'K1-0003'));
    expect(book.nextSeq(), 'a lower number added later does not pull it back').toBe(9);
    const again = await openBook(folder);
    expect(again.book.nextSeq()).toBe(8);
  });

  it('tells the screen of a change it can see, and saves bookkeeping without a word', async () => {
    const { folder, book, clock, views } = await openBook();
    const record = recordFor(book.nextSeq(), 'K1-0001');
    record.channels = { hook: { use: 'page', created: 'pending', update: 'none' } };
    await book.add(record);

    clock.now = t0 + 1_000;
    book.change(record.id, (r) => void (r.channels.hook!.reason = 'HTTP 503'));
    expect(views, 'a reason for the log changes nothing on screen').toEqual([]);
    clock.now = t0 + 2_000;
    book.change(record.id, (r) => void (r.phase = 'delivered'));
    expect(views.map((v) => [v.phase, v.updatedAt])).toEqual([['delivered', new Date(t0 + 2_000).toISOString()]]);
    expect(book.change(record.id, () => false)?.updatedAt, 'nothing to change: not touched').toBe(new Date(t0 + 2_000).toISOString());
    expect(book.change('req_AAAAAAAAAAAAAAAAAAAAAAAA', () => true)).toBeUndefined();

    await book.flush();
    const again = await openBook(folder);
    expect(again.book.get(record.id)).toMatchObject({ phase: 'delivered', channels: { hook: { reason: 'HTTP 503' } } });
  });

  it('holds the references of open requests only: a closed request gives its code back', async () => {
    const { book } = await openBook();
    const open = recordFor(book.nextSeq(), 'K1-0001');
    const closed = recordFor(book.nextSeq(), 'K1-0002');
    await book.add(open);
    await book.add(closed);
    book.change(closed.id, (r) => void (r.phase = 'closed'));
    expect(book.openReferences()).toEqual(new Set(['K1-0001']));
  });

  it('forgets a removed request in memory and on disk', async () => {
    const { folder, book } = await openBook();
    const record = recordFor(book.nextSeq(), 'K1-0001');
    await book.add(record);
    await book.remove(record.id);
    expect(book.get(record.id)).toBeUndefined();
    expect((await openBook(folder)).book.all()).toEqual([]);
  });
});
