import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** A disk that fills up: the write starts for real, then fails the way Node reports a full device. */
function fullDisk(): DurableFiles {
  return {
    ...nodeFiles,
    writeSynced: async (file, data) => {
      await nodeFiles.writeSynced(file, data.slice(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
}

async function kioskWithWebhook(options: { files?: DurableFiles } = {}) {
  const server = track(await startScriptedServer());
  const kiosk = track(
    await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }] }), { options }),
  );
  return { server, kiosk };
}

describe('a request that cannot be saved is never claimed as captured', () => {
  it('rejects submit on a full disk, leaves no half-written file and sends nothing', async () => {
    const { server, kiosk } = await kioskWithWebhook({ files: fullDisk() });
    await expect(kiosk.service.handlers['request.submit'](sampleInput())).rejects.toMatchObject({ name: 'NotCaptured', code: 'ENOSPC' });
    expect(await readdir(path.join(kiosk.dataDir, 'outbox'))).toEqual([]);
    expect(kiosk.views).toEqual([]);
    expect(kiosk.log.find((e) => e.message.startsWith('request could not be saved'))?.fields).toMatchObject({ code: 'ENOSPC' });
    await kiosk.service.close();
    expect(server.received).toEqual([]);
  });

  it('rejects submit when the outbox folder has become a regular file', async () => {
    const { server, kiosk } = await kioskWithWebhook();
    const outbox = path.join(kiosk.dataDir, 'outbox');
    await rm(outbox, { recursive: true });
    await writeFile(outbox, 'not a folder');
    await expect(kiosk.service.handlers['request.submit'](sampleInput())).rejects.toMatchObject({ name: 'NotCaptured', code: 'ENOTDIR' });
    await kiosk.service.close();
    expect(server.received).toEqual([]);
  });

  it('starts without an outbox it cannot open, says so, and refuses every request', async () => {
    const server = track(await startScriptedServer());
    const device = kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }] });
    const first = track(await startKiosk(device));
    await first.service.close();
    await rm(path.join(first.dataDir, 'outbox'), { recursive: true });
    await mkdir(first.dataDir, { recursive: true });
    await writeFile(path.join(first.dataDir, 'outbox'), 'not a folder');
    await first.restart();
    expect(first.log.find((e) => e.message.startsWith('the outbox cannot be opened'))?.fields?.code).toBe('EEXIST');
    await expect(first.service.handlers['request.submit'](sampleInput())).rejects.toMatchObject({ name: 'NotCaptured' });
  });
});
