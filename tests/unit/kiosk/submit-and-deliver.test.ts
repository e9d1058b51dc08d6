import { describe, expect, it } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { verifyMessage } from '../../../shared/backend/signing.js';
import { startScriptedServer, type ScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

describe('submitting a request', () => {
  it('answers "captured" only after saving, then tells the screen "delivered" once the desk took it', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));

    const captured = await kiosk.service.handlers['request.submit'](sampleInput());
    expect(captured).toMatchObject({ phase: 'captured', status: 'sending', priority: 'normal' });
    expect(captured.id).toMatch(/^req_[A-Za-z0-9]{24}$/);
    expect(captured.reference).toMatch(/^K1-\d{4}$/);

    const delivered = await kiosk.waitForView(captured.id, (v) => v.phase === 'delivered');
    expect(delivered.reference).toBe(captured.reference);
    expect(desk.requests.get(captured.id)).toMatchObject({ firstName: 'Maya', reference: captured.reference, deliveries: 1 });
    expect(await kiosk.service.handlers['request.get']({ id: captured.id })).toMatchObject({ phase: 'delivered' });
  });

  it('signs request.created per Standard Webhooks with webhook-id msg_<requestId> and a contract-valid body', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput({ dangerNow: true }));
    const sent = await desk.waitFor((r) => r.path === '/lobby/v1/requests');
    expect(sent.headers['webhook-id']).toBe(`msg_${id}`);
    expect(verifyMessage([testSecret], sent.body, sent.headers)).toEqual({ ok: true, messageId: `msg_${id}` });
    const message = requestCreatedSchema.parse(sent.json);
    expect(message.request).toMatchObject({
      id,
      priority: 'emergency',
      kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
      program: 'Safe Passage',
    });
  });

  it('sends a webhook no first name unless the channel may carry personal data', async () => {
    const plain = track(await startScriptedServer());
    const trusted = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            { id: 'cad', type: 'webhook', url: `${plain.origin}/hook`, secret: testSecret },
            { id: 'records', type: 'webhook', url: `${trusted.origin}/hook`, secret: testSecret, personalData: true },
          ],
        }),
      ),
    );
    await kiosk.service.handlers['request.submit'](sampleInput());
    const [toPlain, toTrusted] = await Promise.all([plain.waitFor(() => true), trusted.waitFor(() => true)]);
    expect(toPlain.body).not.toContain('Maya');
    expect(requestCreatedSchema.parse(toPlain.json).request.firstName).toBeUndefined();
    expect(requestCreatedSchema.parse(toTrusted.json).request.firstName).toBe('Maya');
  });

  it('gives each open request its own reference and never logs the first name', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    // 30 in a minute is over the default rate limit (tests/unit/kiosk/submit-limits.test.ts); here they are 30 people.
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)], maxRequestsPerMinute: 30 })));
    // Submitted all at once, so every save is in flight while the next reference is chosen.
    const views = await Promise.all(Array.from({ length: 30 }, () => kiosk.service.handlers['request.submit'](sampleInput())));
    expect(new Set(views.map((v) => v.reference)).size).toBe(30);
    expect(new Set(views.map((v) => v.id)).size).toBe(30);
    await Promise.all(views.map((view) => kiosk.waitForView(view.id, (v) => v.phase === 'delivered')));
    expect(JSON.stringify(kiosk.log)).not.toContain('Maya');
  });

  it('marks an emergency by priority even when the kind is not "emergency"', async () => {
    const server: ScriptedServer = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }] })),
    );
    const view = await kiosk.service.handlers['request.submit'](sampleInput({ kind: 'help-someone', dangerNow: true }));
    expect(view.priority).toBe('emergency');
  });
});

describe('one request per visit', () => {
  it('two submits with the same visit key at the same instant make one request, and the same key after a restart gets it back', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    // Collapsing a new visit into an open request is another rule (submit-limits.test.ts); this one is about the key alone.
    const device = kioskConfig({ channels: [deskChannel(desk.url)], collapseSeconds: 0 });
    const kiosk = track(await startKiosk(device));
    const input = sampleInput({ idempotencyKey: 'visit-3f9a1c2b-normal' });
    const [first, second] = await Promise.all([
      kiosk.service.handlers['request.submit'](input),
      kiosk.service.handlers['request.submit'](input),
    ]);
    expect(second.id).toBe(first.id);
    const third = await kiosk.service.handlers['request.submit'](input);
    expect(third.id).toBe(first.id);
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    expect([...desk.requests.keys()]).toEqual([first.id]);

    await kiosk.restart();
    expect((await kiosk.service.handlers['request.submit'](input)).id).toBe(first.id);
    const other = await kiosk.service.handlers['request.submit'](sampleInput({ idempotencyKey: 'visit-77aa00bb-normal' }));
    expect(other.id).not.toBe(first.id);
  });
});
