/**
 * The replay memory over a long run (electron/core/desk/receiver/replay-guard.ts):
 * what it holds stays within one window of traffic (a sweep a minute drops
 * what is past its window), and the file it reopens is rewritten with only the
 * retried messages still within their window, then appended to as messages come.
 */
import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openReplayMemory,
  replayWindowMs,
  retriedWindowMs,
  type ReplayGuard,
  type SeenMessage,
} from '../../../electron/core/desk/receiver/replay-guard.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { defaultWaitMs, withinTime } from '../support/within-time.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-replay-sweep-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const t0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const minute = 60_000;
const beat: SeenMessage = { type: 'kiosk.heartbeat', digest: 'beat' };
const created = (requestId: string): SeenMessage => ({ type: 'request.created', requestId, digest: `d_${requestId}` });

async function open(file = path.join(dir, 'replays.jsonl'), now = t0) {
  const sink = memorySink();
  const guard = await openReplayMemory(file, { now: () => now, logger: createLogger('receiver', sink) });
  return { guard, file, warnings: () => sink.entries.map((e) => e.message) };
}

/** As the receiver does for each message: asks first, then remembers. */
function receive(guard: ReplayGuard, id: string, message: SeenMessage, at: number) {
  expect(guard.seen(id, at), `${id} is new`).toBeUndefined();
  guard.remember(id, message, at);
}

const lineOf = (id: string, message: SeenMessage, at: number) => JSON.stringify({ id, ...message, at });

/** Resolves once the file's text passes `test` (checked now and at each change of the file). */
function fileWhere(file: string, test: (text: string) => boolean): Promise<string> {
  let watcher: ReturnType<typeof watch> | undefined;
  const found = new Promise<string>((resolve) => {
    const check = () =>
      void readFile(file, 'utf8').then(
        (text) => test(text) && resolve(text),
        () => undefined,
      );
    watcher = watch(file, check);
    check();
  });
  return withinTime(found, defaultWaitMs, () => `${file} to pass ${test.toString()}`).finally(() => watcher?.close());
}

describe('the replay memory over a long run', () => {
  it('holds only the last ten minutes of heartbeats, and requests for their retry horizon, however long the desk runs', async () => {
    const { guard } = await open();
    receive(guard, 'msg_req_1', created('req_1'), t0);
    receive(guard, 'msg_req_2', created('req_2'), t0);
    // Three hours of one heartbeat a minute.
    for (let m = 1; m <= 180; m += 1) receive(guard, `msg_beat_${m}`, beat, t0 + m * minute);
    // The last eleven heartbeats (ten minutes back, to the millisecond, and this one), and both requests.
    expect(guard.held()).toBe(11 + 2);
    expect(guard.seen('msg_beat_170', t0 + 180 * minute)).toStrictEqual(beat);
    expect(guard.seen('msg_beat_169', t0 + 180 * minute)).toBeUndefined();

    // Past the retry horizon, the requests are gone too, and only the new heartbeat is held.
    const later = t0 + retriedWindowMs + minute;
    receive(guard, 'msg_beat_last', beat, later);
    expect(guard.held()).toBe(1);
    expect(guard.seen('msg_req_1', later)).toBeUndefined();
  });

  it('sweeps at most once a minute: an id past its window stays held until the next sweep, then goes', async () => {
    const { guard } = await open();
    receive(guard, 'msg_old', beat, t0);
    // A sweep while msg_old is still within its window.
    const sweep = t0 + replayWindowMs - 30_000;
    expect(guard.seen('msg_old', sweep)).toEqual(beat);

    // Past its window, seen() forgets it at once; the memory lets it go at the next sweep, a minute after the last.
    expect(guard.seen('msg_old', t0 + replayWindowMs + 1)).toBeUndefined();
    expect(guard.held(), '30 s after the last sweep').toBe(1);
    expect(guard.seen('msg_other', sweep + minute - 1)).toBeUndefined();
    expect(guard.held(), 'one millisecond before the next sweep').toBe(1);
    expect(guard.seen('msg_other', sweep + minute)).toBeUndefined();
    expect(guard.held(), 'at the next sweep').toBe(0);
  });

  it('keeps an id a sweep finds exactly at the end of its window: it is still refused then', async () => {
    const { guard } = await open();
    receive(guard, 'msg_edge', beat, t0);
    receive(guard, 'msg_edge_request', created('req_edge'), t0);
    expect(guard.seen('msg_edge', t0 + replayWindowMs)).toEqual(beat);
    expect(guard.held()).toBe(2);
    expect(guard.seen('msg_edge_request', t0 + retriedWindowMs)).toEqual(created('req_edge'));
  });
});

describe('the replay memory file, reopened', () => {
  it('is rewritten with only the retried messages within their window, to the millisecond; the rest stays in memory while it counts', async () => {
    const file = path.join(dir, 'replays.jsonl');
    const lines = [
      lineOf('msg_fresh', created('req_fresh'), t0 - minute),
      lineOf('msg_edge', created('req_edge'), t0 - retriedWindowMs),
      lineOf('msg_expired', created('req_expired'), t0 - retriedWindowMs - 1),
      lineOf('msg_update', { type: 'request.updated', requestId: 'req_fresh', digest: 'u' }, t0 - minute),
      // A heartbeat (an older version wrote them): held for its own short window, never written back.
      lineOf('msg_beat', beat, t0 - minute),
      lineOf('msg_old_beat', beat, t0 - replayWindowMs - 1),
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const { guard, warnings } = await open(file);

    const written = (await readFile(file, 'utf8')).split('\n');
    expect(written.at(-1)).toBe('');
    expect(written.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([0, 1, 3].map((i) => JSON.parse(lines[i] ?? '')));
    expect(await readdir(dir), 'no temporary file left beside it').toEqual(['replays.jsonl']);
    expect(guard.held()).toBe(4);
    expect(guard.seen('msg_edge', t0)).toEqual(created('req_edge'));
    expect(guard.seen('msg_beat', t0)).toEqual(beat);
    expect(guard.seen('msg_expired', t0)).toBeUndefined();
    expect(warnings()).toEqual([]);
  });

  it('drops lines without an id, a digest or a numeric time, and a request id that is not text, from memory and from the file', async () => {
    const file = path.join(dir, 'replays.jsonl');
    const good = lineOf('msg_good', created('req_good'), t0 - minute);
    const lines = [
      good,
      JSON.stringify({ type: 'request.created', requestId: 'req_x', digest: 'd', at: t0 - minute }),
      JSON.stringify({ id: 'msg_no_digest', type: 'request.created', requestId: 'req_y', at: t0 - minute }),
      // A time written as text: recent when read as a number, but not a number.
      JSON.stringify({ id: 'msg_text_time', type: 'request.created', requestId: 'req_z', digest: 'd', at: String(t0 - minute) }),
      JSON.stringify({ id: 'msg_odd_request', type: 'request.updated', requestId: 42, digest: 'u', at: t0 - minute }),
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const { guard } = await open(file);
    expect(guard.held()).toBe(2);
    expect(guard.seen('msg_good', t0)).toStrictEqual(created('req_good'));
    // Kept as an update without a request id: the number is not carried along.
    expect(guard.seen('msg_odd_request', t0)).toStrictEqual({ type: 'request.updated', digest: 'u' });
    const written = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(written.map((line) => line.id)).toEqual(['msg_good', 'msg_odd_request']);
  });

  it('is created with its folder when neither exists yet', async () => {
    const file = path.join(dir, 'desk', 'data', 'replays.jsonl');
    const { warnings } = await open(file);
    expect(await readFile(file, 'utf8')).toBe('');
    expect(warnings()).toEqual([]);
  });

  it("gets each remembered request's line soon after, without waiting for the receiver to close", async () => {
    const { guard, file } = await open();
    receive(guard, 'msg_now', created('req_now'), t0);
    const text = await fileWhere(file, (t) => t.includes('msg_now'));
    expect(text).toBe(`${lineOf('msg_now', created('req_now'), t0)}\n`);
  });

  it('writes a burst of requests in order, each once, and a restart reads them all back', async () => {
    const { guard, file } = await open();
    for (let i = 0; i < 5; i += 1) receive(guard, `msg_${i}`, created(`req_${i}`), t0 + i);
    receive(guard, 'msg_beat', beat, t0 + 5);
    await guard.flush();
    const expected = [0, 1, 2, 3, 4].map((i) => lineOf(`msg_${i}`, created(`req_${i}`), t0 + i));
    expect((await readFile(file, 'utf8')).split('\n')).toEqual([...expected, '']);
    const again = await open(file, t0 + minute);
    expect(again.guard.held()).toBe(5);
    expect(again.guard.seen('msg_4', t0 + minute)).toEqual(created('req_4'));
  });
});
