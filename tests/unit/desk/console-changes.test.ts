import { afterEach, describe, expect, it } from 'vitest';
import type { Cipher } from '../../../electron/core/platform.js';
import { createKeyCipher } from '../../../electron/core/data-key-cipher.js';
import { applyDeskChange } from '../../../shared/desk-change.js';
import type { DeskState } from '../../../shared/desk.js';
import { testDataKey } from '../support/temp-config.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

/** The test key's cipher, counting how often it opens something. */
function countingCipher(): Cipher & { opened: number } {
  const inner = createKeyCipher(testDataKey);
  const counting = {
    kind: inner.kind,
    opened: 0,
    encrypt: (plain: string, ad?: string) => inner.encrypt(plain, ad),
    decrypt: (sealed: string, ad?: string) => {
      counting.opened += 1;
      return inner.decrypt(sealed, ad);
    },
  };
  return counting;
}

describe("the console hears of the desk's changes one request at a time", () => {
  it('an arrival, an acknowledgement and a closure are each one change about that request only', async () => {
    const desk = await startDesk();
    const earlier = requestCreated({ reference: 'K1-0001' });
    await post(`${desk.url()}/requests`, earlier);
    desk.clock.now += 1000;
    const message = requestCreated({ reference: 'K1-0002' });
    await post(`${desk.url()}/requests`, message);
    await desk.waitForState((s) => s.requests.length === 2);
    const arrival = desk.changes.at(-1);
    expect(arrival).toMatchObject({ request: { id: message.request.id, state: 'open', firstName: 'Marisol' } });
    expect(arrival?.alerting).toEqual([earlier.request.id, message.request.id]);
    // The other request is named by its id in the alerting list, and not sent again.
    expect(JSON.stringify(arrival)).not.toContain('K1-0001');

    await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' });
    expect(desk.changes.at(-1)).toMatchObject({
      request: { id: message.request.id, state: 'acknowledged' },
      alerting: [earlier.request.id],
    });

    await desk.handlers['desk.close']({ id: message.request.id, outcome: 'referred' });
    expect(desk.changes.at(-1)).toMatchObject({ removed: message.request.id });

    // Applied in order, the changes give exactly the state the desk would send whole.
    expect(desk.states.at(-1)).toEqual(await desk.handlers['desk.getState']({}));
  });

  it('a kiosk coming online is a change with no request in it', async () => {
    const desk = await startDesk();
    await post(`${desk.url()}/heartbeats`, heartbeat('K7'));
    await desk.waitForState((s) => s.kiosks.some((k) => k.kioskId === 'K7'));
    expect(desk.changes.at(-1)).toEqual(expect.not.objectContaining({ request: expect.anything() }));
    expect(desk.changes.at(-1)?.kiosks).toEqual([expect.objectContaining({ kioskId: 'K7', online: true })]);
  });

  it('unseals each first name once per request, not on every change or state', async () => {
    const first = await startDesk();
    for (let i = 0; i < 5; i += 1) await post(`${first.url()}/requests`, requestCreated());
    await first.close();

    const cipher = countingCipher();
    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now, platform: { cipher } });
    expect(cipher.opened).toBe(5);
    const { requests } = await desk.handlers['desk.getState']({});
    expect(requests.map((r) => r.firstName)).toEqual(Array(5).fill('Marisol'));
    for (const request of requests) await desk.handlers['desk.acknowledge']({ id: request.id, messageKey: 'coming-now' });
    await post(`${desk.url()}/requests`, requestCreated());
    await desk.handlers['desk.getState']({});
    expect(cipher.opened).toBe(5);
  });

  it('a change the state already holds (it raced the first load) is skipped', () => {
    const state: DeskState = {
      revision: 4,
      deskId: 'D1',
      deskName: 'Front desk',
      requests: [],
      kiosks: [],
      alerting: [],
      alert: { repeatSeconds: 10, sound: true },
      receiver: { listening: true },
    };
    const stale = { revision: 4, removed: 'req_x', alerting: ['req_old'], kiosks: [], receiver: { listening: false } };
    expect(applyDeskChange(state, stale)).toBe(state);
    expect(applyDeskChange(state, { ...stale, revision: 5 })).toMatchObject({ revision: 5, alerting: ['req_old'] });
  });
});
