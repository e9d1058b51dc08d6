import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { resourcesDir } from '../support/temp-config.js';
import { isBuilt, startHostProcess, type HostProcess } from './support/browser-host-process.js';
import { testSecret } from './support/kiosk-harness.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function configFiles(deskUrl: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-crash-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const kioskConfig = path.join(dir, 'kiosk.json');
  const deskConfig = path.join(dir, 'desk.json');
  await writeFile(
    kioskConfig,
    JSON.stringify({
      schemaVersion: 1,
      role: 'kiosk',
      kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
      // A long attempt limit: the kill must land while the first attempt waits for its answer.
      delivery: {
        channels: [{ id: 'front-desk', type: 'desk', url: deskUrl, secret: testSecret }],
        pollSeconds: 0.2,
        requestTimeoutMs: 60000,
        retry: { initialDelayMs: 20, maxDelayMs: 200 },
      },
    }),
  );
  const desk = JSON.parse(await readFile(path.join(resourcesDir, 'config/desk.json'), 'utf8')) as { receiver: { port: number } };
  desk.receiver.port = 0;
  await writeFile(deskConfig, JSON.stringify(desk));
  return { kioskConfig, deskConfig, dataDir: path.join(dir, 'data'), dataKey: Buffer.alloc(32, 3).toString('base64') };
}

describe('a request survives the kiosk process being killed', () => {
  it(
    'SIGKILL after capture, while the desk holds its answer: after restart it is delivered with the same id, once',
    { timeout: 20_000 },
    async () => {
      expect(isBuilt(), 'dist-electron/host.js is missing: run "npm run build" first (npm test does)').toBe(true);
      const desk = await startVerifyingReceiver([testSecret]);
      cleanup.push(() => desk.close());
      const files = await configFiles(desk.url);
      desk.holdAnswers();

      let host: HostProcess = await startHostProcess(files);
      cleanup.push(() => host.kill());
      const submitted = await host.call('request.submit', {
        kind: 'help-self',
        firstName: 'Maya',
        turningIn: false,
        dangerNow: false,
        language: 'en',
      });
      expect(submitted).toMatchObject({ status: 200, json: { ok: true, value: { phase: 'captured' } } });
      const { id } = (submitted.json as { value: { id: string } }).value;
      await desk.waitFor((r) => r.path.endsWith('/requests'), 15_000);
      await host.kill();

      host = await startHostProcess(files);
      const deliveries = () => desk.received.filter((r) => r.path.endsWith('/requests'));
      const resent = await desk.waitFor((r) => deliveries().indexOf(r) === 1, 15_000);
      desk.release();
      // The kiosk asks the desk about a request only once it counts it as delivered there.
      await desk.waitFor((r) => r.path.endsWith('/status') && r.body.includes(id), 15_000);

      expect(await host.call('request.get', { id })).toMatchObject({ json: { ok: true, value: { id, phase: 'delivered' } } });
      expect(resent.headers['webhook-id']).toBe(`msg_${id}`);
      expect(desk.requests.size).toBe(1);
      expect(desk.requests.get(id)).toMatchObject({ deliveries: 2, firstName: 'Maya' });
    },
  );
});
