/**
 * Desk receiver benchmark (part of `npm run bench:delivery`): how many
 * request.created the real desk stores and answers per second with 1,000
 * requests already stored, next to a bare receiver that only verifies the
 * signature and answers (no disk) in the same run; heartbeat latency during
 * a burst of 1,000 requests; and what receiving one more request costs with
 * 10 and with 1,000 open. Writes bench-results/desk-receiver.json; the
 * numbers are discussed in docs/delivery-benchmarks.md and docs/desk.md.
 * Measured, not asserted (the targets are written next to the results).
 */
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestCreated } from '../../shared/backend/messages.js';
import { createLiveRequests } from '../../electron/core/desk/live-requests.js';
import { deskChangeOf } from '../../electron/core/desk/desk-state.js';
import type { StoredRequest } from '../../electron/core/desk/stored-request.js';
import { startVerifyingReceiver } from '../unit/delivery/support/verifying-receiver.js';
import { closeAllDesks, startDesk, type TestDesk } from '../unit/desk/support/desk-harness.js';
import { heartbeat, post, requestCreated, shippedSecret } from '../unit/desk/support/backend-client.js';
import { summarize, writeResults, type Summary } from './measure.js';

const stored = 1000;
const measured = 500;
const concurrency = 8;
const results: Record<string, unknown> = {};

/** Spread over 100 kiosks, so the per-kiosk limit (a lobby's pace) does not shape a load test. */
const burstRequest = (i: number): RequestCreated =>
  requestCreated({
    kiosk: { id: `K${i % 100}`, location: `Lobby kiosk ${i % 100}` },
    reference: `K${i % 100}-${String(i % 10000).padStart(4, '0')}`,
  });

/** Sends `count` messages with `concurrency` in flight; resolves with the wall time and each call's latency. */
async function load(url: string, count: number, message: (i: number) => object): Promise<{ ms: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const sent = performance.now();
      const answer = await post(url, message(i));
      if (answer.status !== 200) throw new Error(`answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - start, latencies };
}

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

async function deskWithOpen(open: number): Promise<TestDesk> {
  const desk = await startDesk({
    device: (device) => {
      device.limits.messagesPerKioskPerMinute = 6000;
      device.limits.requestsPerKioskPerMinute = 600;
    },
  });
  await load(`${desk.url()}/requests`, open, burstRequest);
  return desk;
}

describe('desk receiver benchmark', () => {
  it(`stores and answers with ${stored} requests stored, next to a bare verify-and-answer receiver`, async () => {
    const bare = await startVerifyingReceiver([shippedSecret]);
    try {
      const run = await load(`${bare.url}/requests`, measured, burstRequest);
      results.bareReceiver = { requests: measured, concurrency, perSecond: perSecond(measured, run.ms), latency: summarize(run.latencies) };
    } finally {
      await bare.close();
    }
    const desk = await deskWithOpen(stored);
    const run = await load(`${desk.url()}/requests`, measured, (i) => burstRequest(stored + i));
    results.desk = {
      alreadyStored: stored,
      requests: measured,
      concurrency,
      perSecond: perSecond(measured, run.ms),
      latency: summarize(run.latencies),
    };
    const ratio = perSecond(measured, run.ms) / (results.bareReceiver as { perSecond: number }).perSecond;
    results.deskToBareRatio = Math.round(ratio * 1000) / 1000;
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(stored + measured);
    await closeAllDesks();
  });

  it(`answers heartbeats during a burst of ${stored} requests`, async () => {
    const desk = await deskWithOpen(0);
    const beats: number[] = [];
    let bursting = true;
    const burst = load(`${desk.url()}/requests`, stored, burstRequest).finally(() => {
      bursting = false;
    });
    let kiosk = 0;
    while (bursting) {
      const sent = performance.now();
      await post(`${desk.url()}/heartbeats`, heartbeat(`H${kiosk++ % 10}`));
      beats.push(performance.now() - sent);
    }
    const run = await burst;
    results.heartbeatsDuringBurst = { burst: stored, burstPerSecond: perSecond(stored, run.ms), heartbeat: summarize(beats) };
    await closeAllDesks();
  });

  it('receiving one more request costs the same with 10 and with 1,000 open', async () => {
    // Both desks run at once and take turns, so the machine's changing load falls on both alike.
    const sizes = [10, stored];
    const desks = [];
    for (const open of sizes) desks.push(await deskWithOpen(open));
    const posts: number[][] = sizes.map(() => []);
    for (let i = 0; i < 100; i += 1) {
      for (const [n, desk] of desks.entries()) {
        const sent = performance.now();
        await post(`${desk.url()}/requests`, burstRequest(stored + i));
        posts[n]?.push(performance.now() - sent);
      }
    }
    await closeAllDesks();

    const cost: Record<string, { post: Summary; coreUpdate: Summary }> = {};
    for (const [n, open] of sizes.entries()) {
      // The core's in-memory part alone: the live list takes the request and the console's change is built.
      const live = createLiveRequests('D1', () => undefined);
      const record = (i: number): StoredRequest => {
        const { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt } = burstRequest(i).request;
        const at = new Date(Date.parse('2026-11-20T15:00:00Z') + i * 1000).toISOString();
        return { id, reference, kind, priority, language, turningIn, dangerNow, kiosk, createdAt, receivedAt: at, askedAt: at };
      };
      for (let i = 0; i < open; i += 1) live.put(record(i), { value: 'Marisol' });
      const updates: number[] = [];
      for (let i = 0; i < 1000; i += 1) {
        const started = performance.now();
        const change = live.put(record(open + i), { value: 'Marisol' });
        deskChangeOf({ stream: 'bench', revision: i }, change, live, { kiosks: [], receiver: { listening: true } });
        updates.push((performance.now() - started) * 1000);
        live.remove(record(open + i).id);
      }
      cost[`open${open}`] = { post: summarize(posts[n] ?? []), coreUpdate: summarize(updates) };
    }
    results.oneMoreRequest = { ...cost, units: { post: 'ms', coreUpdate: 'microseconds' } };
  });

  afterAll(async () => {
    const file = await writeResults('desk-receiver', {
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
      },
      targets: { deskToBareRatioAtLeast: 0.1, heartbeatP95BelowMs: 50 },
      ...results,
    });
    console.log(`desk receiver benchmark written to ${file}\n${JSON.stringify(results, null, 2)}`);
  });
});
