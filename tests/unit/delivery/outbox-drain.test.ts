import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedServer } from './support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';

const cleanup: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of cleanup.splice(0).reverse()) await item.close();
});

describe('a backlog drains when the backend returns', () => {
  it('1,000 requests queued while the backend is down are delivered in order, once each', { timeout: 120_000 }, async () => {
    let up = false;
    const accepted: string[] = [];
    const server = await startScriptedServer((r) => {
      if (!up) return { status: 503 };
      accepted.push(r.headers['webhook-id'] ?? '');
      return { status: 200, json: { received: true, duplicate: false } };
    });
    cleanup.push(server);
    const device = kioskConfig({
      channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }],
      retry: { initialDelayMs: 10, maxDelayMs: 100, horizonMinutes: 60 },
      // A backlog of 1000 people, not one person's burst: the per-minute limit is set out of the way.
      maxRequestsPerMinute: 10000,
    });
    const kiosk = await startKiosk(device);
    cleanup.push(kiosk);

    const ids: string[] = [];
    for (let i = 0; i < 1000; i += 1) ids.push((await kiosk.service.handlers['request.submit'](sampleInput())).id);
    expect(accepted).toEqual([]);

    up = true;
    await kiosk.waitForView(ids.at(-1)!, (v) => v.phase === 'delivered', 110_000);
    expect(accepted).toEqual(ids.map((id) => `msg_${id}`));
    for (const id of ids) expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('delivered');
  });
});
