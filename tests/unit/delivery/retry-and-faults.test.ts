import { describe, expect, it } from 'vitest';
import { startScriptedServer, type Answer, type Received } from './support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** A webhook that gives `first` answers in turn, then 200. */
async function webhookAnswering(...first: Answer[]) {
  return webhookWith({}, ...first);
}

async function webhookWith(timings: { requestTimeoutMs?: number }, ...first: Answer[]) {
  const server = track(
    await startScriptedServer((_r: Received, index: number) => first[index] ?? { status: 200, json: { received: true, duplicate: false } }),
  );
  const kiosk = track(
    await startKiosk(
      kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: `${server.origin}/hook`, secret: testSecret }], ...timings }),
    ),
  );
  return { server, kiosk };
}

describe('delivery retries what may succeed later and gives up on what never will', () => {
  it('retries a 500 and a 503 with the same webhook-id, then delivers', async () => {
    const { server, kiosk } = await webhookAnswering({ status: 500 }, { status: 503 });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(server.received.map((r) => r.headers['webhook-id'])).toEqual([`msg_${id}`, `msg_${id}`, `msg_${id}`]);
    expect(kiosk.log.filter((e) => e.message === 'delivery will be retried').map((e) => e.fields?.reason)).toEqual([
      'HTTP 500',
      'HTTP 503',
    ]);
  });

  it('honours Retry-After on a 429 and signs each attempt with its own timestamp', async () => {
    const { server, kiosk } = await webhookAnswering({ status: 429, headers: { 'retry-after': '1' } });
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const [first, second] = server.received;
    // The policy alone would wait at most 20 ms here; the receiver asked for a second.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(kiosk.log.find((e) => e.message === 'delivery will be retried')?.fields?.delayMs).toBeGreaterThanOrEqual(1000);
    expect(Number(second!.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(Number(first!.headers['webhook-timestamp']));
  });

  it('abandons an attempt that hangs past requestTimeoutMs and tries again', async () => {
    const { server, kiosk } = await webhookWith({ requestTimeoutMs: 250 }, 'hang');
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(server.received).toHaveLength(2);
    expect(kiosk.log.find((e) => e.message === 'delivery will be retried')?.fields?.reason).toBe('timeout');
  });

  it('retries after the connection is reset', async () => {
    const { server, kiosk } = await webhookAnswering('reset');
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(server.received).toHaveLength(2);
    // Node reports a socket closed before the answer as ECONNRESET ("socket hang up"): the network, not the receiver's verdict.
    expect(kiosk.log.find((e) => e.message === 'delivery will be retried')?.fields?.reason).toBe('ECONNRESET');
  });

  it('treats a 400 as permanent once the 1.0 shape is refused too: two attempts, an alert in the log, the fallback only on screen', async () => {
    const refusal = { status: 400, json: { error: 'invalid-message', message: 'bad' } };
    const { server, kiosk } = await webhookAnswering(refusal, refusal);
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const failed = await kiosk.waitForView(id, (v) => v.status === 'failed');
    expect(failed).toMatchObject({ phase: 'captured', status: 'failed' });
    expect(server.received).toHaveLength(2);
    const alert = kiosk.log.find((e) => e.level === 'error' && e.message.startsWith('ALERT'));
    expect(alert?.fields).toMatchObject({ channel: 'hook', requestId: id, reason: 'HTTP 400 invalid-message' });
  });

  it('a receiver that refuses a contract 1.1 field (400 or 422) gets the request again at once in the 1.0 shape, same webhook-id', async () => {
    for (const status of [400, 422]) {
      const { server, kiosk } = await webhookAnswering({ status, json: { error: 'unknown-field', message: 'ageSeconds' } });
      const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
      await kiosk.waitForView(id, (v) => v.phase === 'delivered');
      const [newer, older] = server.received;
      expect(newer?.json).toHaveProperty('ageSeconds');
      expect(older?.json).not.toHaveProperty('ageSeconds');
      expect(older?.headers['webhook-id']).toBe(newer?.headers['webhook-id']);
      expect(kiosk.views.map((v) => v.status)).not.toContain('failed');
      expect(kiosk.log).toContainEqual(
        expect.objectContaining({
          message: 'the receiver refused a contract 1.1 message; sending it in the 1.0 shape',
          fields: { channel: 'hook', status },
        }),
      );
    }
  });

  it('is not failed while another page channel may still deliver', async () => {
    const refusing = track(await startScriptedServer(() => ({ status: 403 })));
    const working = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            { id: 'refusing', type: 'webhook', url: refusing.origin, secret: testSecret },
            { id: 'working', type: 'webhook', url: working.origin, secret: testSecret },
          ],
        }),
      ),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await refusing.waitFor(() => true);
    await kiosk.service.close();
    // Delivered, not failed; "passed on" because neither webhook can report an answer (no statusUrl).
    expect(await kiosk.service.handlers['request.get']({ id })).toMatchObject({ phase: 'delivered', status: 'passed-on' });
  });

  it('delivers exactly once when the backend is down during submit and comes back', async () => {
    let up = false;
    let accepted = 0;
    const server = track(
      await startScriptedServer(() => {
        if (!up) return { status: 503 };
        accepted += 1;
        return { status: 200, json: { received: true, duplicate: false } };
      }),
    );
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await server.waitFor(() => server.received.length >= 3);
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('captured');
    up = true;
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    // Once delivered, the kiosk never sends that request again.
    expect(accepted).toBe(1);
    expect(new Set(server.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${id}`]));
  });
});
