import { describe, expect, it } from 'vitest';
import { maxRetryHorizonMinutes } from '../../../shared/config.js';
import { retriedWindowMs } from '../../../electron/core/desk/receiver/replay-guard.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { startScriptedServer } from './support/scripted-server.js';

const track = closeAfterEach();

describe('the retry horizon', () => {
  it('a message still refused with a retryable answer past delivery.retry.horizonMinutes fails for good, with an alert', async () => {
    const clock = { now: Date.parse('2026-11-30T10:00:00Z') };
    const server = track(
      await startScriptedServer((_r, index) => {
        // The first refusal is within the horizon (retried); the second is answered after it (final).
        if (index === 1) clock.now += 61_000;
        return { status: 503 };
      }),
    );
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }],
          retry: { initialDelayMs: 20, maxDelayMs: 100, horizonMinutes: 1 },
        }),
        { platform: { now: () => clock.now } },
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.status === 'failed');
    expect(server.received).toHaveLength(2);
    const alert = kiosk.log.find((e) => e.message.startsWith('ALERT'));
    expect(alert?.fields).toMatchObject({ channel: 'hook', reason: 'HTTP 503; gave up at the retry horizon' });
  });

  it('is capped, and the desk keeps the ids of retried messages at least that long', () => {
    const channel = { id: 'hook', type: 'webhook', url: 'https://cad.example/hook', secret: testSecret };
    expect(() => kioskConfig({ channels: [channel], retry: { horizonMinutes: maxRetryHorizonMinutes + 1 } })).toThrow(/horizonMinutes/);
    expect(retriedWindowMs).toBeGreaterThanOrEqual(maxRetryHorizonMinutes * 60_000);
  });
});
