import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { post, requestCreated, requestUpdated, statusQuery } from './support/backend-client.js';

afterEach(closeAllDesks);

describe('two desks receiving the same request', () => {
  it('each answers status; a relayed acknowledgement makes the other show who answered and stop alerting', async () => {
    const front = await startDesk();
    const records = await startDesk({
      device: (d) => {
        d.desk = { id: 'D2', name: 'Records window' };
      },
    });
    const message = requestCreated();
    const id = message.request.id;
    for (const desk of [front, records])
      expect((await post(`${desk.url()}/requests`, message)).json).toEqual({ received: true, duplicate: false });

    front.clock.now += 20_000;
    const first = await front.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    const frontStatus = await post(`${front.url()}/status`, statusQuery([id]));
    const recordsStatus = await post(`${records.url()}/status`, statusQuery([id]));
    expect(frontStatus.json).toEqual({
      requests: [{ id, state: 'acknowledged', acknowledgement: expect.objectContaining({ deskId: 'D1' }) }],
    });
    expect(recordsStatus.json).toEqual({ requests: [{ id, state: 'received' }] });

    // The kiosk relays the first acknowledgement it learned to every other desk.
    if (!first.acknowledgement) throw new Error('the front desk did not record its acknowledgement');
    const { messageKey, deskId, deskName, at } = first.acknowledgement;
    const acknowledgement = { messageKey, deskId, deskName, at };
    expect(await post(`${records.url()}/updates`, requestUpdated(id, { acknowledgement }))).toEqual({ status: 200, json: { ok: true } });
    const state = await records.waitForState((s) => s.requests[0]?.state === 'acknowledged');
    expect(state.requests[0]?.acknowledgement).toEqual({
      messageKey: 'coming-now',
      deskId: 'D1',
      deskName: 'Front desk',
      at: acknowledgement.at,
      byThisDesk: false,
    });
    expect(waitingIds(state)).toEqual([]);
    expect((await post(`${records.url()}/status`, statusQuery([id]))).json).toEqual(frontStatus.json);

    const alertsBefore = records.notifications.length;
    records.clock.now += 60_000;
    records.every.tick();
    expect(records.notifications).toHaveLength(alertsBefore);
  });

  it('the earlier acknowledgement wins when both desks answered before hearing of each other', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    desk.clock.now += 10_000;
    await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'wait-5-minutes' });
    const earlier = {
      messageKey: 'coming-now' as const,
      deskId: 'D2',
      deskName: 'Records window',
      at: new Date(desk.clock.now - 5_000).toISOString(),
    };
    await post(`${desk.url()}/updates`, requestUpdated(message.request.id, { acknowledgement: earlier }));
    const later = {
      messageKey: 'come-to-window' as const,
      deskId: 'D3',
      deskName: 'Lobby office',
      at: new Date(desk.clock.now + 5_000).toISOString(),
    };
    await post(`${desk.url()}/updates`, requestUpdated(message.request.id, { acknowledgement: later }));
    const [view] = (await desk.handlers['desk.getState']({})).requests;
    expect(view?.acknowledgement).toEqual({ ...earlier, byThisDesk: false });
  });

  it('an update that arrives before its request is applied when the request comes', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const closed = { outcome: 'referred' as const, at: new Date(desk.clock.now).toISOString(), deskId: 'D2' };
    await post(`${desk.url()}/updates`, requestUpdated(message.request.id, { closed }));
    const emitted = desk.states.length;
    await post(`${desk.url()}/requests`, message);
    await desk.waitForState((s) => desk.states.indexOf(s) >= emitted);
    expect((await desk.handlers['desk.getState']({})).requests).toEqual([]);
    expect(await desk.handlers['desk.history']({ days: 1 })).toMatchObject([{ id: message.request.id, closed }]);
    expect(desk.notifications).toEqual([]);
  });
});
