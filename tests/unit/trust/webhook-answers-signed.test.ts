/**
 * A webhook channel with `signedAnswers: true` believes only what its backend
 * signed for the very message it answers (contract 1.2), as a configured desk
 * channel does: someone who holds a secret shared by several kiosks and can
 * answer a kiosk's statusUrl cannot make it say "an officer is coming".
 * Real HTTP servers on 127.0.0.1 play the backend and the one answering in
 * its place. Without the option a contract 1.1 backend works as before.
 */
import { describe, expect, it } from 'vitest';
import { signMessage } from '../../../shared/backend/signing.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer, type Answer, type Received } from '../delivery/support/scripted-server.js';
import { signedAnswer } from '../delivery/support/signed-answer.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { manualSchedule } from '../kiosk/support/manual-schedule.js';
import { closeAfterEach } from '../support/close-after-each.js';
import {
  acknowledgedWith,
  expectNoOfficerComing,
  expectNotReachedYet,
  forgedAcknowledgements,
  kioskWithStatusAnswer,
  signedWebhook,
} from './support/unbelieved-answers.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'CAD', deskName: 'Dispatch', at: new Date().toISOString() };
const acknowledged = acknowledgedWith(ack);
const receipt = { received: true, duplicate: false };
const webhook = signedWebhook;

/** The backend takes the request with a receipt signed for it; its status queries are answered by `statusAnswer`. */
const backendWithStatusAnswer = (statusAnswer: (query: Received, earlier: Received[]) => Answer) =>
  kioskWithStatusAnswer({
    track,
    channel: (origin) => webhook(origin),
    isStatus: (r) => r.path === '/status',
    genuine: () => receipt,
    statusAnswer,
  });

/** An acknowledgement signed with the channel secret the way a contract 1.1 backend may: under a webhook-id of its own. */
const signedUnbound = (query: Received): Answer => {
  const json = acknowledged(query);
  return { status: 200, json, headers: signMessage([testSecret], `msg_answer_${Date.now()}`, JSON.stringify(json), new Date()) };
};

describe('a webhook status answer the backend did not sign for this query (signedAnswers: true)', () => {
  it.each(forgedAcknowledgements(acknowledged))('$what is not believed', async ({ answer, reason }) => {
    const { kiosk, id } = await backendWithStatusAnswer(answer);
    await expectNoOfficerComing(kiosk, id, { channel: 'cad', reason });
  });

  it('an acknowledgement signed under a webhook-id of its own (enough for contract 1.1) is not believed', async () => {
    const { kiosk, id } = await backendWithStatusAnswer(signedUnbound);
    await expectNoOfficerComing(kiosk, id, { channel: 'cad', reason: 'unbound-answer' });
  });

  it('the acknowledgement signed for the query it answers is believed', async () => {
    const server = track(
      await startScriptedServer((r) =>
        signedAnswer(testSecret, r, { status: 200, json: r.path === '/status' ? acknowledged(r) : receipt }),
      ),
    );
    const kiosk = track(await startKiosk(kioskConfig({ channels: [webhook(server.origin)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect((await kiosk.waitForView(id, (v) => v.phase === 'acknowledged')).acknowledgement).toEqual(ack);
  });
});

describe('a webhook receipt the backend did not sign for this request (signedAnswers: true)', () => {
  it('an unsigned receipt is not taken as delivered: the kiosk keeps sending, and the screen says it has not reached anyone yet', async () => {
    const impostor = track(await startScriptedServer((r) => ({ status: 200, json: r.path === '/status' ? acknowledged(r) : receipt })));
    const { schedule, timers } = manualSchedule();
    const kiosk = track(await startKiosk(kioskConfig({ channels: [webhook(impostor.origin)] }), { options: { schedule } }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const created = () => impostor.received.filter((r) => r.path === '/hook');
    await impostor.waitFor(() => created().length >= 3);
    await expectNotReachedYet(kiosk, id, timers);
    expect(impostor.received.some((r) => r.path === '/status')).toBe(false);
    const retried = kiosk.log.find((e) => e.fields?.channel === 'cad' && String(e.fields.reason).startsWith('answer not signed'));
    expect(retried?.fields?.reason).toBe('answer not signed by the receiver: missing-headers');
  });

  it("one request's signed receipt, replayed for another request, does not deliver the other", async () => {
    let firstReceipt: Answer | undefined;
    const server = track(
      await startScriptedServer((r) => {
        if (r.path !== '/hook') return signedAnswer(testSecret, r, { status: 200, json: { requests: [] } });
        firstReceipt ??= signedAnswer(testSecret, r, { status: 200, json: receipt });
        return firstReceipt;
      }),
    );
    const kiosk = track(await startKiosk(kioskConfig({ channels: [webhook(server.origin)] })));
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    const toSecond = () => server.received.filter((r) => r.path === '/hook' && r.body.includes(second.id));
    await server.waitFor(() => toSecond().length >= 3);
    expect((await kiosk.service.handlers['request.get']({ id: second.id }))?.phase).toBe('captured');
  });
});

describe('a webhook heartbeat answer the backend did not sign (signedAnswers: true)', () => {
  it('an unsigned "ok" to a heartbeat is logged as not accepted', async () => {
    const server = track(
      await startScriptedServer((r) =>
        r.path === '/beats' ? { status: 200, json: { ok: true } } : signedAnswer(testSecret, r, { status: 200, json: receipt }),
      ),
    );
    const kiosk = track(
      await startKiosk(
        kioskConfig({ channels: [webhook(server.origin, { heartbeatSeconds: 30, heartbeatUrl: `${server.origin}/beats` })] }),
      ),
    );
    const warning = await kiosk.waitForLog((e) => e.message === 'heartbeat not accepted');
    expect(warning.fields).toEqual({ channel: 'cad', reason: 'answer not signed by the receiver: missing-headers' });
  });

  it('an "ok" signed for that heartbeat is accepted', async () => {
    const server = track(
      await startScriptedServer((r) => signedAnswer(testSecret, r, { status: 200, json: r.path === '/beats' ? { ok: true } : receipt })),
    );
    const kiosk = track(
      await startKiosk(
        kioskConfig({ channels: [webhook(server.origin, { heartbeatSeconds: 30, heartbeatUrl: `${server.origin}/beats` })] }),
      ),
    );
    await server.waitFor((r) => r.path === '/beats');
    // A request after the beat: once it is delivered, the beat's answer has been weighed too (one connection, in order).
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(kiosk.log.filter((e) => e.message === 'heartbeat not accepted')).toEqual([]);
  });
});

describe('a webhook without signedAnswers (contract 1.1) works as before', () => {
  it('an unsigned receipt delivers, and a status answer signed with the channel secret under any webhook-id is believed', async () => {
    const server = track(await startScriptedServer((r) => (r.path === '/status' ? signedUnbound(r) : { status: 200, json: receipt })));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [webhook(server.origin, { signedAnswers: false })] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect((await kiosk.waitForView(id, (v) => v.phase === 'acknowledged')).acknowledgement).toEqual(ack);
  });

  it('signedAnswers is off unless set, and a value other than true or false is a clear config error', () => {
    const plain = { id: 'cad', type: 'webhook', url: 'https://cad.example/hook', secret: testSecret };
    expect(kioskConfig({ channels: [plain] }).delivery.channels[0]).toMatchObject({ signedAnswers: false });
    expect(() => kioskConfig({ channels: [{ ...plain, signedAnswers: 'yes' }] })).toThrow(
      /signedAnswers[\s\S]*use true \(the backend signs each answer for the message it answers\) or false/,
    );
  });
});
