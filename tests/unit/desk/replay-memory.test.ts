/**
 * The receiver's memory of webhook ids, driven by the desk's own clock (the
 * harness moves it; signatures are checked against the real time, so they
 * stay valid): an id reused for another message is refused for exactly the
 * replay window and accepted again after it, and an id reused for a different
 * request is refused even when that other request is stored here. (The same
 * message under the same id is a retry, answered as a duplicate: contract 1.1.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { replayWindowMs } from '../../../electron/core/desk/receiver/replay-guard.js';
import { heartbeat, post, requestCreated } from './support/backend-client.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';

afterEach(closeAllDesks);

describe('the replay memory', () => {
  it('refuses a webhook id until the window ends, to the millisecond, and forgets it after', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/heartbeats`;
    const start = desk.clock.now;
    expect((await post(url, heartbeat('K1', 0), { messageId: 'msg_window' })).status).toBe(200);

    // Another message under the same id: refused while the id is remembered.
    desk.clock.now = start + replayWindowMs - 1;
    expect(await post(url, heartbeat('K1', 1), { messageId: 'msg_window' }), 'one millisecond before the window ends').toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused' },
    });
    desk.clock.now = start + replayWindowMs;
    expect((await post(url, heartbeat('K1', 1), { messageId: 'msg_window' })).status, 'when the window ends').toBe(409);
    desk.clock.now = start + replayWindowMs + 1;
    expect((await post(url, heartbeat('K1', 1), { messageId: 'msg_window' })).status, 'once the window has passed').toBe(200);
    // Accepted again means remembered again, from the new time.
    expect((await post(url, heartbeat('K1', 2), { messageId: 'msg_window' })).status).toBe(409);
  });

  it('forgets only the ids that are old enough: a newer one is still refused', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/heartbeats`;
    const start = desk.clock.now;
    expect((await post(url, heartbeat('K1', 0), { messageId: 'msg_old' })).status).toBe(200);
    desk.clock.now = start + 60_000;
    expect((await post(url, heartbeat('K1', 0), { messageId: 'msg_new' })).status).toBe(200);

    desk.clock.now = start + replayWindowMs + 1;
    expect((await post(url, heartbeat('K1', 1), { messageId: 'msg_old' })).status, 'the old id, past its window').toBe(200);
    expect((await post(url, heartbeat('K1', 1), { messageId: 'msg_new' })).status, 'the newer id, within its window').toBe(409);
  });

  it('refuses a reused webhook id that carries a different request, even one this desk already holds', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/requests`;
    const first = requestCreated();
    const second = requestCreated({ reference: 'K1-1234' });
    expect((await post(url, first, { messageId: `msg_${first.request.id}` })).status).toBe(200);
    expect((await post(url, second, { messageId: `msg_${second.request.id}` })).status).toBe(200);

    // The second request, sent under the first one's id: not a retry of either.
    const reused = await post(url, second, { messageId: `msg_${first.request.id}` });
    expect(reused).toMatchObject({ status: 409, json: { error: 'webhook-id-reused' } });

    // The real retry of the first request, under its own id, is answered as a duplicate.
    expect(await post(url, first, { messageId: `msg_${first.request.id}` })).toMatchObject({
      status: 200,
      json: { received: true, duplicate: true },
    });
    expect((await desk.handlers['desk.getState']({})).requests.map((r) => r.id).sort()).toEqual(
      [first.request.id, second.request.id].sort(),
    );
  });

  it('refuses a request.created under a webhook id first used by another kind of message about that request', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    expect((await post(`${desk.url()}/requests`, created, { messageId: `msg_${created.request.id}` })).status).toBe(200);
    const update = {
      type: 'request.updated',
      version: 1,
      sentAt: new Date().toISOString(),
      requestId: created.request.id,
      closed: { outcome: 'referred', at: new Date().toISOString(), deskId: 'D2' },
    };
    // Whatever the desk made of the update, its webhook id is now spent.
    expect((await post(`${desk.url()}/updates`, update, { messageId: 'msg_update' })).status).not.toBe(409);
    expect(await post(`${desk.url()}/requests`, created, { messageId: 'msg_update' })).toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused' },
    });
  });
});
