import { describe, expect, it } from 'vitest';
import { startVerifyingReceiver, type VerifyingReceiver } from './support/verifying-receiver.js';
import type { Received } from './support/scripted-server.js';
import { deskChannel, kioskConfig, otherSecret, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** Sends a captured message again, optionally altered, as an attacker on the LAN could. */
async function resend(receiver: VerifyingReceiver, message: Received, change: { body?: string; headers?: Record<string, string> } = {}) {
  const headers = { ...message.headers, ...change.headers };
  delete headers['content-length'];
  delete headers.host;
  const response = await fetch(`${receiver.origin}${message.path}`, { method: 'POST', headers, body: change.body ?? message.body });
  return { status: response.status, json: (await response.json()) as unknown };
}

describe('receivers can trust what the kiosk sends, and only that', () => {
  it('a kiosk clock beyond the 5-minute tolerance is rejected with a clear error, recorded as a failed delivery', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const skewed = { now: () => Date.now() - 10 * 60_000 };
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] }), { platform: skewed }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect(await kiosk.waitForView(id, (v) => v.status === 'failed')).toMatchObject({ phase: 'captured', status: 'failed' });
    expect(desk.rejections.find((r) => r.path.endsWith('/requests'))?.reason).toBe('stale-timestamp');
    expect(kiosk.log.find((e) => e.message.startsWith('ALERT'))?.fields?.reason).toBe('HTTP 401 stale-timestamp');
    expect(desk.requests.size).toBe(0);
  });

  it('a kiosk holding the wrong secret is refused', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url, { secret: otherSecret })] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.status === 'failed');
    expect(kiosk.log.find((e) => e.message.startsWith('ALERT'))?.fields?.reason).toBe('HTTP 401 bad-signature');
  });

  it('during a key rotation the kiosk signs with both secrets and a receiver with either accepts', async () => {
    const desk = track(await startVerifyingReceiver([otherSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url, { secret: [testSecret, otherSecret] })] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect((await desk.waitFor((r) => r.path.endsWith('/requests'))).headers['webhook-signature']?.split(' ')).toHaveLength(2);
  });

  it('a tampered body, a replayed message id and a replayed request are each refused or ignored', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const created = await desk.waitFor((r) => r.path.endsWith('/requests'));
    const heartbeat = await desk.waitFor((r) => r.path.endsWith('/heartbeats'));
    await kiosk.service.close();

    const tampered = await resend(desk, created, { body: created.body.replace('"help-self"', '"drop-off"') });
    expect(tampered).toMatchObject({ status: 401, json: { error: 'bad-signature' } });
    expect(await resend(desk, heartbeat)).toMatchObject({ status: 409, json: { error: 'replayed' } });
    // request.created is deduplicated on its id: the replay changes nothing.
    expect(await resend(desk, created)).toMatchObject({ status: 200, json: { received: true, duplicate: true } });
    expect(desk.requests.size).toBe(1);
    expect(desk.requests.get(id)?.kind).toBe('help-self');
  });
});
