/**
 * When the outbox's disk misbehaves after capture, the kiosk keeps going and
 * says so in the log, with the system's error code and no personal data: a
 * record it cannot read is left for an administrator, a change it cannot
 * write is kept in memory and written with the next one, and a purge that
 * cannot delete the file is logged.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import type { KioskServiceOptions } from '../../../electron/core/kiosk/kiosk-service.js';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { manualSchedule } from './support/manual-schedule.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

const systemError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

/** Node's files, with writes or removals that fail while `broken` says so. */
function switchableDisk() {
  const broken = { writes: false, removals: false };
  const files: DurableFiles = {
    ...nodeFiles,
    writeSynced: async (file, data) => {
      if (broken.writes) throw systemError('ENOSPC', 'no space left on device, write');
      await nodeFiles.writeSynced(file, data);
    },
    remove: async (file) => {
      if (broken.removals) throw systemError('EACCES', 'permission denied, unlink');
      await nodeFiles.remove(file);
    },
  };
  return { files, broken };
}

async function kioskWithHook(files: DurableFiles, platform?: { now: () => number }, options: KioskServiceOptions = {}) {
  const hook = track(await startScriptedServer());
  const device = kioskConfig(
    { channels: [{ id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }] },
    { hoursAfterClose: 24, maxOpenHours: 72 },
  );
  const kiosk = track(await startKiosk(device, { platform, options: { ...options, files } }));
  return { hook, kiosk };
}

describe('outbox trouble after capture', () => {
  it('a change that cannot be written is logged with its code, kept in memory, and written with the next change', async () => {
    const disk = switchableDisk();
    const manual = manualSchedule();
    const { hook, kiosk } = await kioskWithHook(disk.files, undefined, { schedule: manual.schedule });
    hook.script(() => ({ status: 503 }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await hook.waitFor(() => true);

    disk.broken.writes = true;
    hook.script(() => ({ status: 200, json: {} }));
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const failed = await kiosk.waitForLog((e) => e.message.startsWith('outbox write failed'));
    expect(failed).toMatchObject({
      level: 'error',
      message: 'outbox write failed; the change is kept in memory and written with the next one',
      fields: { code: 'ENOSPC' },
    });
    expect((await storedRecord(kiosk.dataDir, id))?.phase, 'the disk still has the capture').toBe('captured');

    // The disk recovers; the next change (the acknowledgement window passing) writes the whole record, delivery included.
    disk.broken.writes = false;
    for (const timer of manual.timers) timer.fire();
    await kiosk.service.close();
    expect(await storedRecord(kiosk.dataDir, id)).toMatchObject({
      phase: 'delivered',
      escalated: true,
      channels: { hook: { created: 'delivered' } },
    });
  });

  it('a file in the outbox this version cannot read is left in place, counted in the log, and the rest resume', async () => {
    const { kiosk } = await kioskWithHook(nodeFiles);
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await kiosk.restart();
    expect(
      kiosk.log.filter((e) => e.message.includes('could not be read')),
      'nothing to report while every file reads',
    ).toEqual([]);
    const damaged = path.join(kiosk.dataDir, 'outbox', 'req_AAAAAAAAAAAAAAAAAAAAAAAA.json');
    await writeFile(damaged, '{"version": 99}');

    await kiosk.restart();
    expect(kiosk.log.find((e) => e.message === 'outbox files could not be read and were left in place')).toMatchObject({
      level: 'error',
      fields: { count: 1, path: path.join(kiosk.dataDir, 'outbox') },
    });
    expect(await readFile(damaged, 'utf8')).toBe('{"version": 99}');
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('delivered');
  });

  it('a purge that cannot delete the file is logged with its code, and the request is gone from the screen', async () => {
    const disk = switchableDisk();
    const clock = { at: Date.now() };
    const { kiosk } = await kioskWithHook(disk.files, { now: () => clock.at }, { retentionSweepMs: 20 });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');

    disk.broken.removals = true;
    clock.at += 73 * 3_600_000;
    const failed = await kiosk.waitForLog((e) => e.message === 'purge failed');
    expect(failed).toMatchObject({ level: 'error', fields: { requestId: id, code: 'EACCES' } });
    expect(await kiosk.service.handlers['request.get']({ id })).toBeNull();
  });

  it('a capture that cannot be saved is refused with a sentence that names the system code', async () => {
    const disk = switchableDisk();
    disk.broken.writes = true;
    const { kiosk } = await kioskWithHook(disk.files);
    await expect(kiosk.service.handlers['request.submit'](sampleInput())).rejects.toThrow('the request could not be saved (ENOSPC)');
  });
});
