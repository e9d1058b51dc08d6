/**
 * The retry policy as the queue lives it during an outage: each failed
 * attempt of the same request waits longer (up to the cap), the next request
 * starts again from the initial delay, and a receiver's Retry-After (seconds
 * or an HTTP date) stretches the wait. Measured at the kiosk's log and at the
 * wire, with the jitter pinned to its top so every delay is exact.
 */
import { describe, expect, it } from 'vitest';
import { startScriptedServer, type Answer } from './support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** Full jitter at its top: the delay is the ceiling itself (initial × 2^(n-1), capped). */
const topOfJitter = () => 0.999999;

async function webhookKiosk(script: (index: number) => Answer) {
  const server = track(await startScriptedServer((_r, index) => script(index)));
  const kiosk = track(
    await startKiosk(
      kioskConfig({
        channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }],
        retry: { initialDelayMs: 20, maxDelayMs: 200 },
      }),
      { options: { random: topOfJitter } },
    ),
  );
  const retries = () => kiosk.log.filter((e) => e.message === 'delivery will be retried');
  return { server, kiosk, retries };
}

describe('backoff through the queue', () => {
  it('during an outage each retry of a request waits longer, up to the cap, and the wire shows the waits', async () => {
    const { server, kiosk, retries } = await webhookKiosk((index) => (index < 7 ? { status: 503 } : { status: 200, json: {} }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(retries().map((e) => [e.fields?.attempt, e.fields?.delayMs])).toEqual([
      [1, 20],
      [2, 40],
      [3, 80],
      [4, 160],
      [5, 200],
      [6, 200],
      [7, 200],
    ]);
    const gaps = server.received.slice(1).map((r, i) => r.at - (server.received[i]?.at ?? 0));
    // Timers fire no earlier than asked; the gaps grow like the delays (a millisecond of clock rounding allowed).
    expect(gaps.map((gap, i) => gap >= [20, 40, 80, 160, 200, 200, 200][i]! - 1)).toEqual(Array(7).fill(true));
  });

  it('the next request in the queue starts again from the initial delay', async () => {
    // First request: two failures then delivered; second request: one failure then delivered.
    const { server, kiosk, retries } = await webhookKiosk((index) =>
      index === 0 || index === 1 || index === 3 ? { status: 503 } : { status: 200, json: {} },
    );
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(second.id, (v) => v.phase === 'delivered');
    expect(retries().map((e) => [e.fields?.requestId, e.fields?.delayMs])).toEqual([
      [first.id, 20],
      [first.id, 40],
      [second.id, 20],
    ]);
    expect(server.received.map((r) => r.headers['webhook-id'])).toEqual([
      `msg_${first.id}`,
      `msg_${first.id}`,
      `msg_${first.id}`,
      `msg_${second.id}`,
      `msg_${second.id}`,
    ]);
  });

  it('honours Retry-After given as an HTTP date: the queue waits until that time', async () => {
    const until = new Date(Date.now() + 120_000);
    const { kiosk, retries } = await webhookKiosk(() => ({ status: 503, headers: { 'retry-after': until.toUTCString() } }));
    await kiosk.service.handlers['request.submit'](sampleInput());
    const retry = await kiosk.waitForLog((e) => e.message === 'delivery will be retried');
    // The date has whole seconds: it is up to a second before `until`, and some milliseconds passed since.
    expect(retry.fields?.delayMs).toBeGreaterThan(115_000);
    expect(retry.fields?.delayMs).toBeLessThanOrEqual(120_000);
    expect(retries()).toHaveLength(1);
  });

  it('an HTTP date already past is no reason to wait beyond the policy', async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    const { kiosk, retries } = await webhookKiosk((index) =>
      index === 0 ? { status: 503, headers: { 'retry-after': past } } : { status: 200, json: {} },
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(retries().map((e) => e.fields?.delayMs)).toEqual([20]);
  });
});
