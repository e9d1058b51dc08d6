import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedServer } from './support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';

const tlsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'tls');
const certFile = path.join(tlsDir, 'test-cert.pem');

const cleanup: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of cleanup.splice(0).reverse()) await item.close();
});

async function httpsWebhook(extra: Record<string, unknown>) {
  const tls = { key: await readFile(path.join(tlsDir, 'test-key.pem'), 'utf8'), cert: await readFile(certFile, 'utf8') };
  const server = await startScriptedServer(undefined, tls);
  cleanup.push(server);
  const kiosk = await startKiosk(
    kioskConfig({ channels: [{ id: 'cad', type: 'webhook', url: `${server.origin}/hook`, secret: testSecret, ...extra }] }),
  );
  cleanup.push(kiosk);
  return { server, kiosk };
}

describe("a channel behind a department's own certificate authority", () => {
  it('delivers over https when caFile names the CA', async () => {
    const { kiosk } = await httpsWebhook({ caFile: certFile });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
  });

  it('does not trust that certificate without caFile, and keeps retrying', async () => {
    const { server, kiosk } = await httpsWebhook({});
    await kiosk.service.handlers['request.submit'](sampleInput());
    const retry = await kiosk.waitForLog((e) => e.message === 'delivery will be retried');
    expect(retry).toMatchObject({ fields: { reason: 'DEPTH_ZERO_SELF_SIGNED_CERT' } });
    expect(server.received).toEqual([]);
  });
});
