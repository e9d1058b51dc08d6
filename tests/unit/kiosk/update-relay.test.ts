/**
 * What the kiosk tells the other desks: each desk that has the request hears
 * of the first acknowledgement and of the closure, even when the closure
 * comes while the acknowledgement is still on its way to that desk.
 */
import { describe, expect, it } from 'vitest';
import { requestUpdatedSchema, statusQuerySchema } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer, type Answer, type Received } from '../delivery/support/scripted-server.js';
import { signedAnswer } from '../delivery/support/signed-answer.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();

const ack: Acknowledgement = { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };

/** A second desk that takes everything, answers "received" to status queries, and holds its answer to the first update until released (then gives `firstUpdateAnswer`). */
async function slowUpdateDesk(firstUpdateAnswer: Answer = { status: 200, json: { ok: true } }) {
  let release: (answer: Answer) => void = () => undefined;
  const held = new Promise<Answer>((resolve) => (release = resolve));
  let updates = 0;
  // Signed as a desk signs its answers, so the kiosk believes them.
  const sign = (r: Received, answer: Answer): Answer => (typeof answer === 'string' ? answer : signedAnswer(testSecret, r, answer));
  const server = await startScriptedServer((r: Received) => {
    if (r.path.endsWith('/requests')) return sign(r, { status: 200, json: { received: true, duplicate: false } });
    if (r.path.endsWith('/status'))
      return sign(r, {
        status: 200,
        json: { requests: statusQuerySchema.parse(r.json).requestIds.map((id) => ({ id, state: 'received' })) },
      });
    if (r.path.endsWith('/updates') && (updates += 1) === 1) return held.then((answer) => sign(r, answer));
    return sign(r, { status: 200, json: { ok: true } });
  });
  return { server, url: `${server.origin}/lobby/v1`, release: () => release(firstUpdateAnswer) };
}

const updatesAt = (server: { received: Received[] }) =>
  server.received.filter((r) => r.path.endsWith('/updates')).map((r) => requestUpdatedSchema.parse(r.json));

/**
 * Two desks; the front desk acknowledges, and closes the request while that acknowledgement is still held on its way
 * to the back office (which answers `answer` once released). Returns once the back office is released.
 */
async function closedWhileAcknowledgementOnItsWay(answer?: Parameters<typeof slowUpdateDesk>[0]) {
  const first = track(await startVerifyingReceiver([testSecret]));
  const second = await slowUpdateDesk(answer);
  track(second.server);
  const kiosk = track(
    await startKiosk(
      kioskConfig({ requestTimeoutMs: 10_000, channels: [deskChannel(first.url), deskChannel(second.url, { id: 'back-office' })] }),
    ),
  );
  const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'back-office');
  await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'front-desk');

  first.acknowledge(id, ack);
  await second.server.waitFor((r) => r.path.endsWith('/updates'));
  first.requests.get(id)!.closed = true;
  await kiosk.waitForView(id, (v) => v.phase === 'closed');
  second.release();
  return { first, second, kiosk, id };
}

describe('relaying answers to the other desks', () => {
  it('a closure that comes while the acknowledgement is still on its way to a desk is sent to that desk after it', async () => {
    const { first, second, kiosk } = await closedWhileAcknowledgementOnItsWay();

    await second.server.waitFor((r) => r.path.endsWith('/updates') && requestUpdatedSchema.parse(r.json).closed !== undefined);
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.type === 'update' && updatesAt(second.server).length === 2);
    await kiosk.service.close();
    expect(updatesAt(second.server).map((u) => ({ acknowledged: u.acknowledgement?.deskId, closed: u.closed?.outcome }))).toEqual([
      { acknowledged: 'D1', closed: undefined },
      { acknowledged: 'D1', closed: 'referred' },
    ]);
    expect(
      first.received.filter((r) => r.path.endsWith('/updates')),
      'the desk that reported it needs no relay',
    ).toEqual([]);
  });

  it('a closure that comes while a refused acknowledgement is on its way is still sent: it is another message', async () => {
    const { second, kiosk } = await closedWhileAcknowledgementOnItsWay({ status: 400, json: { error: 'bad-update', message: 'no' } });

    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.type === 'update');
    expect(updatesAt(second.server).map((u) => u.closed?.outcome)).toEqual([undefined, 'referred']);
  });
});
