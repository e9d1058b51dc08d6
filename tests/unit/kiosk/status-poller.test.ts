/**
 * The status poller on real desk channels (signed HTTP to a receiver on
 * 127.0.0.1) and the real request book: it asks each desk only about the
 * open requests that desk took, 200 ids per query at most, one poll at a
 * time, on its interval, and nothing once the kiosk is closing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChannelSender } from '../../../electron/core/delivery/channel-sender-factory.js';
import { openOutboxStore } from '../../../electron/core/delivery/outbox-store.js';
import { newRecord } from '../../../electron/core/kiosk/new-record.js';
import { createRequestBook } from '../../../electron/core/kiosk/request-book.js';
import { parseRecord, type ChannelState, type RequestRecord } from '../../../electron/core/kiosk/request-record.js';
import { createStatusPoller } from '../../../electron/core/kiosk/status-poller.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { statusQuerySchema, type StatusAnswer } from '../../../shared/backend/messages.js';
import { deviceConfigSchema } from '../../../shared/config.js';
import { startVerifyingReceiver, type VerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { sampleInput, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();
const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const channelConfig = (id: string, url: string) => {
  const device = deviceConfigSchema.parse({
    schemaVersion: 1,
    role: 'kiosk',
    kiosk: { id: 'K1', location: 'Lobby' },
    delivery: { channels: [{ id, type: 'desk', url, secret: testSecret }] },
  });
  if (device.role !== 'kiosk') throw new Error('expected a kiosk config');
  return device.delivery.channels[0]!;
};

const deskState = (created: ChannelState['created']): ChannelState => ({ use: 'page', created, update: 'none', answers: true });

async function pollerOver(desks: VerifyingReceiver[], intervalMs = 60_000) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-poller-'));
  dirs.push(dir);
  const logger = createLogger('test', memorySink());
  const book = createRequestBook({ store: await openOutboxStore(dir, parseRecord), now: Date.now, logger, emit: () => undefined });
  const deps = { now: Date.now, timeoutMs: 2_000, logger, kioskId: 'K1' };
  const senders = desks.map((desk, i) => createChannelSender(channelConfig(`desk-${i}`, desk.url), deps));
  const answers: Array<[string, StatusAnswer]> = [];
  const abort = new AbortController();
  const poller = createStatusPoller({
    senders,
    book,
    intervalMs,
    signal: abort.signal,
    onAnswer: (channelId, answer) => answers.push([channelId, answer]),
  });
  track({ close: async () => poller.close() });
  let seq = 0;
  /** A request in the book with the given state per desk channel, and the given phase. */
  const add = async (states: Record<string, ChannelState>, phase: RequestRecord['phase'] = 'delivered') => {
    const record = newRecord(sampleInput(), { kioskId: 'K1', seq: seq++, taken: new Set(), now: Date.now(), channels: states });
    record.phase = phase;
    await book.add(record);
    return record.id;
  };
  return { poller, add, answers, abort };
}

const askedIds = (desk: VerifyingReceiver) =>
  desk.received.filter((r) => r.path.endsWith('/status')).map((r) => statusQuerySchema.parse(r.json).requestIds);

describe('the status poller', () => {
  it('asks each desk only about the open requests it took', async () => {
    const first = track(await startVerifyingReceiver([testSecret]));
    const second = track(await startVerifyingReceiver([testSecret]));
    const { poller, add, answers } = await pollerOver([first, second]);
    const both = await add({ 'desk-0': deskState('delivered'), 'desk-1': deskState('delivered') });
    const firstOnly = await add({ 'desk-0': deskState('delivered'), 'desk-1': deskState('pending') });
    await add({ 'desk-0': deskState('failed'), 'desk-1': deskState('idle') });
    await add({ 'desk-0': deskState('delivered'), 'desk-1': deskState('delivered') }, 'closed');
    const acknowledged = await add({ 'desk-0': deskState('delivered') }, 'acknowledged');

    await poller.pollNow();
    expect(askedIds(first)).toEqual([[both, firstOnly, acknowledged]]);
    expect(askedIds(second)).toEqual([[both]]);
    expect(answers.map(([channel, answer]) => [channel, answer.requests.map((r) => r.id)])).toEqual([
      ['desk-0', [both, firstOnly, acknowledged]],
      ['desk-1', [both]],
    ]);
  });

  it('asks about at most 200 requests per query', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const { poller, add } = await pollerOver([desk]);
    const ids: string[] = [];
    for (let n = 0; n < 201; n += 1) ids.push(await add({ 'desk-0': deskState('delivered') }));
    await poller.pollNow();
    expect(askedIds(desk)).toEqual([ids.slice(0, 200), ids.slice(200)]);
  });

  it('asks nothing when no open request was taken by the desk', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const { poller, add } = await pollerOver([desk]);
    await add({ 'desk-0': deskState('pending') });
    await poller.pollNow();
    expect(askedIds(desk)).toEqual([]);
  });

  it('does not start a second poll while one is still waiting for its answers', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const { poller, add } = await pollerOver([desk]);
    await add({ 'desk-0': deskState('delivered') });
    await Promise.all([poller.pollNow(), poller.pollNow()]);
    expect(askedIds(desk)).toHaveLength(1);
    await poller.pollNow();
    expect(askedIds(desk), 'once the first has ended, the next poll runs').toHaveLength(2);
  });

  it('polls on its interval until closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const desk = track(await startVerifyingReceiver([testSecret]));
    const { poller, add } = await pollerOver([desk], 5_000);
    await add({ 'desk-0': deskState('delivered') });
    vi.advanceTimersByTime(4_999);
    expect(desk.received).toEqual([]);
    vi.advanceTimersByTime(1);
    await desk.waitFor((r) => r.path.endsWith('/status'));
    poller.close();
    vi.advanceTimersByTime(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('asks nothing once the kiosk is closing, and drops an answer that comes after', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const { poller, add, answers, abort } = await pollerOver([desk]);
    await add({ 'desk-0': deskState('delivered') });
    const polling = poller.pollNow();
    await desk.waitFor((r) => r.path.endsWith('/status'));
    abort.abort();
    await polling;
    expect(answers).toEqual([]);
    await poller.pollNow();
    expect(askedIds(desk)).toHaveLength(1);
  });
});
