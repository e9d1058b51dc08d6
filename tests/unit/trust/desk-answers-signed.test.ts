/**
 * A configured desk channel believes only what its desk really said: each
 * answer must be signed with the channel's secret and bound to the message
 * it answers (electron/core/delivery/desk-channel.ts, contract-client.ts).
 * Configured desks live on loopback, where any process on the machine could
 * take the desk's port; these are real HTTP servers on 127.0.0.1 playing that
 * process. In none of them may the kiosk say an officer is coming.
 */
import { describe, expect, it } from 'vitest';
import { statusQuerySchema } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer, type Answer, type Received } from '../delivery/support/scripted-server.js';
import { signedAnswer } from '../delivery/support/signed-answer.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { manualSchedule } from '../kiosk/support/manual-schedule.js';
import { closeAfterEach } from '../support/close-after-each.js';
import {
  acknowledgedWith,
  expectNoOfficerComing,
  expectNotReachedYet,
  forgedAcknowledgements,
  kioskWithStatusAnswer,
} from './support/unbelieved-answers.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

const acknowledged = acknowledgedWith(ack);

/**
 * A desk that really holds the secret takes the request (signed receipts),
 * then something else answers its status queries with `statusAnswer`.
 */
const deskWithStatusAnswer = (statusAnswer: (query: Received, earlier: Received[]) => Answer) =>
  kioskWithStatusAnswer({
    track,
    channel: (origin) => deskChannel(`${origin}/lobby/v1`),
    isStatus: (r) => r.path.endsWith('/status'),
    genuine: (r) => (r.path.endsWith('/requests') ? { received: true, duplicate: false } : { ok: true }),
    statusAnswer,
  });

describe('a status answer the desk did not sign for this query', () => {
  it.each(forgedAcknowledgements(acknowledged))('$what is not believed', async ({ answer, reason }) => {
    const { kiosk, id } = await deskWithStatusAnswer(answer);
    await expectNoOfficerComing(kiosk, id, { channel: 'front-desk', reason });
  });

  it('the same acknowledgement, signed for the query it answers, is believed', async () => {
    const server = track(
      await startScriptedServer((r) =>
        signedAnswer(testSecret, r, {
          status: 200,
          json: r.path.endsWith('/status')
            ? acknowledged(r)
            : r.path.endsWith('/requests')
              ? { received: true, duplicate: false }
              : { ok: true },
        }),
      ),
    );
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(`${server.origin}/lobby/v1`)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    expect((await kiosk.waitForView(id, (v) => v.phase === 'acknowledged')).acknowledgement).toEqual(ack);
  });
});

describe('a receipt the desk did not sign for this message', () => {
  it('an unsigned "received" is not taken as delivered: the kiosk keeps sending, and the screen says the desk has not got it yet', async () => {
    const impostor = track(
      await startScriptedServer((r) => ({
        status: 200,
        json: r.path.endsWith('/requests') ? { received: true, duplicate: false } : acknowledgedOrOk(r),
      })),
    );
    const { schedule, timers } = manualSchedule();
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [deskChannel(`${impostor.origin}/lobby/v1`)] }), { options: { schedule } }),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const created = () => impostor.received.filter((r) => r.path.endsWith('/requests'));
    await impostor.waitFor(() => created().length >= 3);
    await expectNotReachedYet(kiosk, id, timers);
    expect(impostor.received.some((r) => r.path.endsWith('/status'))).toBe(false);
  });

  it("one request's signed receipt, replayed for another request, does not deliver the other", async () => {
    let firstReceipt: Answer | undefined;
    const server = track(
      await startScriptedServer((r) => {
        if (!r.path.endsWith('/requests')) return signedAnswer(testSecret, r, { status: 200, json: { requests: [] } });
        firstReceipt ??= signedAnswer(testSecret, r, { status: 200, json: { received: true, duplicate: false } });
        return firstReceipt;
      }),
    );
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(`${server.origin}/lobby/v1`)] })));
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    const toSecond = () => server.received.filter((r) => r.path.endsWith('/requests') && r.body.includes(second.id));
    await server.waitFor(() => toSecond().length >= 3);
    expect((await kiosk.service.handlers['request.get']({ id: second.id }))?.phase).toBe('captured');
  });
});

describe("an update's and a heartbeat's answer the desk did not sign", () => {
  it('an unsigned "ok" to a relayed acknowledgement does not count as told: the kiosk sends it again', async () => {
    const front = track(await startVerifyingReceiver([testSecret]));
    const back = track(
      await startScriptedServer((r) =>
        r.path.endsWith('/updates') ? { status: 200, json: { ok: true } } : signedAnswer(testSecret, r, { status: 200, json: okFor(r) }),
      ),
    );
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [deskChannel(front.url), deskChannel(`${back.origin}/lobby/v1`, { id: 'back-office' })] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office');
    front.acknowledge(id, ack);
    await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    const updates = () => back.received.filter((r) => r.path.endsWith('/updates'));
    await back.waitFor(() => updates().length >= 3);
    expect(new Set(updates().map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('an unsigned "ok" to a heartbeat is logged as not accepted', async () => {
    const server = track(
      await startScriptedServer((r) =>
        r.path.endsWith('/heartbeats') ? { status: 200, json: { ok: true } } : signedAnswer(testSecret, r, { status: 200, json: okFor(r) }),
      ),
    );
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(`${server.origin}/lobby/v1`)], heartbeatSeconds: 1 })));
    const warning = await kiosk.waitForLog((e) => e.message === 'heartbeat not accepted');
    expect(warning.fields).toEqual({ channel: 'front-desk', reason: 'answer not signed by the receiver: missing-headers' });
  });
});

/** A genuine desk's answer to anything: a receipt, "received" to a query, or "ok". */
function okFor(r: Received): unknown {
  if (r.path.endsWith('/requests')) return { received: true, duplicate: false };
  if (r.path.endsWith('/status'))
    return { requests: statusQuerySchema.parse(r.json).requestIds.map((id) => ({ id, state: 'received' as const })) };
  return { ok: true };
}

/** What a process holding the port would say to anything but a request: "acknowledged" to a query, "ok" otherwise. */
function acknowledgedOrOk(r: Received): unknown {
  return r.path.endsWith('/status') ? acknowledged(r) : { ok: true };
}
