import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { post, requestCreated, statusQuery } from './support/backend-client.js';

afterEach(closeAllDesks);

/** The request's own file. */
const storeFile = (dataDir: string, id: string) => readFile(path.join(dataDir, 'desk-requests', `${id}.json`), 'utf8');

describe('a request arriving at the desk', () => {
  it('is stored before the answer, shown on the console and alerted once, without the name in the alert', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const answer = await post(`${desk.url()}/requests`, message);
    expect(answer).toEqual({ status: 200, json: { received: true, duplicate: false } });
    const state = await desk.handlers['desk.getState']({});
    expect(state.requests).toEqual([
      expect.objectContaining({
        id: message.request.id,
        reference: 'K1-4821',
        firstName: 'Marisol',
        state: 'open',
        kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
      }),
    ]);
    expect(waitingIds(state)).toEqual([message.request.id]);
    await desk.waitForState((s) => s.requests.length === 1);
    expect(desk.notifications).toEqual([
      { title: 'Safe Passage request at Lobby kiosk 1 (K1-4821)', body: expect.any(String), urgent: false },
    ]);
    expect(JSON.stringify(desk.notifications)).not.toContain('Marisol');
  });

  it('keeps the first name sealed on disk', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    const raw = await storeFile(desk.dataDir, message.request.id);
    expect(raw).toContain('K1-4821');
    expect(raw).not.toContain('Marisol');
    expect(raw).toContain('"sealedName":"v2:');
  });

  it('without a cipher keeps the name in memory only', async () => {
    const desk = await startDesk({ platform: { cipher: undefined } });
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    expect((await desk.handlers['desk.getState']({})).requests[0]?.firstName).toBe('Marisol');
    const raw = await storeFile(desk.dataDir, message.request.id);
    expect(raw).toContain(message.request.id);
    expect(raw).not.toContain('Marisol');
  });

  it('a retry with the same webhook-id is answered as a duplicate: one request, one alert', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const url = `${desk.url()}/requests`;
    await post(url, message, { messageId: 'msg_retry' });
    await desk.waitForState((s) => s.requests.length === 1);
    expect(await post(url, message, { messageId: 'msg_retry' })).toEqual({ status: 200, json: { received: true, duplicate: true } });
    // A second round trip lets anything the retry might have scheduled run first.
    await post(`${desk.url()}/status`, statusQuery([message.request.id]));
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
    expect(desk.notifications).toHaveLength(1);
    expect(desk.states.filter((s) => s.requests.length === 1)).toHaveLength(1);
  });

  it('the same request under a new webhook-id (another channel, a restarted kiosk) is a duplicate too', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    expect((await post(`${desk.url()}/requests`, message)).json).toEqual({ received: true, duplicate: true });
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
  });

  it('emergencies come first, then the oldest; an emergency alert is urgent', async () => {
    const desk = await startDesk();
    const first = requestCreated({ reference: 'K1-0001' });
    const second = requestCreated({ reference: 'K1-0002' });
    const emergency = requestCreated({ reference: 'K1-0003', kind: 'emergency', priority: 'emergency', dangerNow: true });
    for (const message of [first, second, emergency]) {
      await post(`${desk.url()}/requests`, message);
      desk.clock.now += 1000;
    }
    const state = await desk.waitForState((s) => s.requests.length === 3);
    expect(state.requests.map((r) => r.reference)).toEqual(['K1-0003', 'K1-0001', 'K1-0002']);
    expect(desk.notifications.at(-1)).toMatchObject({ title: 'Safe Passage request at Lobby kiosk 1 (K1-0003)', urgent: true });
  });

  it('repeats the alert every repeatSeconds until acknowledged, then stops', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    await desk.waitForState((s) => waitingIds(s).length === 1);
    desk.clock.now += 5_000;
    desk.every.tick();
    expect(desk.notifications).toHaveLength(1);
    desk.clock.now += 5_000;
    desk.every.tick();
    expect(desk.notifications).toHaveLength(2);
    await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' });
    desk.clock.now += 60_000;
    desk.every.tick();
    expect(desk.notifications).toHaveLength(2);
  });

  it('shows alerts on the console but not as OS notifications when osNotifications is off', async () => {
    const desk = await startDesk({ device: (d) => (d.alerts.osNotifications = false) });
    await post(`${desk.url()}/requests`, requestCreated());
    const state = await desk.waitForState((s) => waitingIds(s).length === 1);
    expect(state.alert).toEqual({ repeatSeconds: 10, sound: true });
    expect(desk.notifications).toEqual([]);
  });
});

describe('the status endpoint', () => {
  it('answers each id: received, acknowledged with the first acknowledgement, closed, or unknown', async () => {
    const desk = await startDesk();
    const [open, answered, closed] = [requestCreated(), requestCreated(), requestCreated()];
    for (const message of [open, answered, closed]) await post(`${desk.url()}/requests`, message);
    await desk.handlers['desk.acknowledge']({ id: answered.request.id, messageKey: 'wait-5-minutes' });
    await desk.handlers['desk.acknowledge']({ id: closed.request.id, messageKey: 'coming-now' });
    await desk.handlers['desk.close']({ id: closed.request.id, outcome: 'referred' });
    const unknown = 'req_0000000000000000';
    const ids = [open.request.id, answered.request.id, closed.request.id, unknown];
    const answer = await post(`${desk.url()}/status`, statusQuery(ids));
    const at = new Date(desk.clock.now).toISOString();
    expect(answer).toEqual({
      status: 200,
      json: {
        requests: [
          { id: open.request.id, state: 'received' },
          {
            id: answered.request.id,
            state: 'acknowledged',
            acknowledgement: { messageKey: 'wait-5-minutes', deskId: 'D1', deskName: 'Front desk', at },
          },
          {
            id: closed.request.id,
            state: 'closed',
            acknowledgement: { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at },
            closed: { outcome: 'referred', at, deskId: 'D1' },
          },
          { id: unknown, state: 'unknown' },
        ],
      },
    });
  });

  it("tells a kiosk nothing about another kiosk's requests", async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    const answer = await post(`${desk.url()}/status`, statusQuery([message.request.id], 'K2'));
    expect(answer.json).toEqual({ requests: [{ id: message.request.id, state: 'unknown' }] });
  });
});
