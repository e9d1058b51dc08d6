/**
 * The receiver's replay memory on disk (openReplayMemory in
 * electron/core/desk/receiver/replay-guard.ts): a damaged line is skipped, and
 * a file that cannot be read or written is logged while the guard carries on
 * in memory.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReplayMemory } from '../../../electron/core/desk/receiver/replay-guard.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-replays-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const now = Date.UTC(2030, 0, 1, 12, 0, 0);
const created = { type: 'request.created', requestId: 'req_a', digest: 'd1' };

async function open(file: string) {
  const sink = memorySink();
  const guard = await openReplayMemory(file, { now: () => now, logger: createLogger('receiver', sink) });
  const warnings = () => sink.entries.map((e) => [e.level, e.message, e.fields?.code]);
  return { guard, warnings };
}

describe('the replay memory file', () => {
  it('keeps the readable lines and skips damaged ones', async () => {
    const file = path.join(dir, 'replays.jsonl');
    const good = JSON.stringify({ id: 'msg_good', ...created, at: now - 1000 });
    const lines = [
      good,
      '{"id":',
      JSON.stringify({ id: 'msg_typeless', digest: 'd', at: now }),
      JSON.stringify({ id: 'msg_late', ...created, at: 'soon' }),
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const { guard, warnings } = await open(file);
    expect(guard.seen('msg_good', now)).toEqual(created);
    expect(guard.seen('msg_typeless', now)).toBeUndefined();
    expect(guard.seen('msg_late', now)).toBeUndefined();
    expect(warnings()).toEqual([]);
  });

  it('that cannot be read or written is logged with its code, and the guard still remembers in memory', async () => {
    const file = path.join(dir, 'replays.jsonl');
    await mkdir(file);
    const { guard, warnings } = await open(file);
    guard.remember('msg_one', created, now);
    await guard.flush();
    expect(guard.seen('msg_one', now)).toEqual(created);
    expect(warnings()).toEqual([
      ['warn', 'the replay memory could not be read; starting empty', 'EISDIR'],
      ['warn', 'the replay memory could not be written', expect.stringMatching(/^E[A-Z]+$/)],
      ['warn', 'the replay memory could not be written', 'EISDIR'],
    ]);
  });
});
