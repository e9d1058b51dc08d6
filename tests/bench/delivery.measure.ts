/**
 * Delivery benchmark (`npm run bench:delivery`): submit-to-delivered latency
 * on loopback against a signature-verifying receiver, and how fast a backlog
 * drains once the backend returns. Writes bench-results/delivery.json; the
 * numbers are discussed in docs/delivery-benchmarks.md. Budget (DESIGN.md):
 * p95 submit-to-delivered under 300 ms. Measured, not asserted.
 */
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { startVerifyingReceiver } from '../unit/delivery/support/verifying-receiver.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret, type KioskHarness } from '../unit/kiosk/support/kiosk-harness.js';
import { summarize, writeResults, type Summary } from './measure.js';

const latencyRequests = 300;
const backlogRequests = 1000;
const results: { latency?: { submitToCaptured: Summary; submitToDelivered: Summary }; drain?: object } = {};

async function withKiosk(run: (kiosk: KioskHarness, desk: Awaited<ReturnType<typeof startVerifyingReceiver>>) => Promise<void>) {
  const desk = await startVerifyingReceiver([testSecret]);
  const kiosk = await startKiosk(
    kioskConfig({
      channels: [deskChannel(desk.url)],
      pollSeconds: 3,
      heartbeatSeconds: 15,
      retry: { initialDelayMs: 10, maxDelayMs: 100 },
      // Hundreds of requests a minute is the load being measured, not one person's burst.
      maxRequestsPerMinute: 10000,
    }),
  );
  try {
    await run(kiosk, desk);
  } finally {
    await kiosk.close();
    await desk.close();
  }
}

describe('delivery benchmark', () => {
  it(`submit to delivered, ${latencyRequests} requests one after another`, async () => {
    await withKiosk(async (kiosk) => {
      const captured: number[] = [];
      const delivered: number[] = [];
      for (let i = 0; i < latencyRequests; i += 1) {
        const start = performance.now();
        const view = await kiosk.service.handlers['request.submit'](sampleInput());
        captured.push(performance.now() - start);
        await kiosk.waitForView(view.id, (v) => v.phase === 'delivered');
        delivered.push(performance.now() - start);
      }
      results.latency = { submitToCaptured: summarize(captured), submitToDelivered: summarize(delivered) };
      expect(delivered).toHaveLength(latencyRequests);
    });
  });

  it(`drains a backlog of ${backlogRequests} requests`, async () => {
    await withKiosk(async (kiosk, desk) => {
      desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
      const queueStart = performance.now();
      const ids: string[] = [];
      for (let i = 0; i < backlogRequests; i += 1) ids.push((await kiosk.service.handlers['request.submit'](sampleInput())).id);
      const queuedMs = performance.now() - queueStart;
      const drainStart = performance.now();
      desk.override(undefined);
      await kiosk.waitForView(ids.at(-1)!, (v) => v.phase === 'delivered');
      const drainMs = performance.now() - drainStart;
      expect(desk.requests.size).toBe(backlogRequests);
      results.drain = {
        requests: backlogRequests,
        captureWhileDownMs: Math.round(queuedMs),
        capturePerSecond: Math.round((backlogRequests / queuedMs) * 1000),
        drainMs: Math.round(drainMs),
        drainPerSecond: Math.round((backlogRequests / drainMs) * 1000),
      };
    });
  });

  afterAll(async () => {
    const file = await writeResults('delivery', {
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      budget: { submitToDeliveredP95Ms: 300 },
      ...results,
    });
    console.log(`delivery benchmark written to ${file}\n${JSON.stringify(results, null, 2)}`);
  });
});
