import { afterEach, describe, expect, it } from 'vitest';
import type { Cipher } from '../../../electron/core/platform.js';
import { createKeyCipher } from '../../../electron/core/data-key-cipher.js';
import { applyDeskChange, changeFits } from '../../../shared/desk-change.js';
import type { DeskState } from '../../../shared/desk.js';
import { deskRequest } from '../renderer/desk/desk-views.js';
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
    expect(arrival?.waiting).toEqual({ count: 2, emergency: false });
    // The other request is not in it at all: not its view, not even its id.
    expect(JSON.stringify(arrival)).not.toContain('K1-0001');
    expect(JSON.stringify(arrival)).not.toContain(earlier.request.id);

    await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' });
    expect(desk.changes.at(-1)).toMatchObject({
      request: { id: message.request.id, state: 'acknowledged' },
      waiting: { count: 1, emergency: false },
    });

    await desk.handlers['desk.close']({ id: message.request.id, outcome: 'referred' });
    expect(desk.changes.at(-1)).toMatchObject({ removed: message.request.id });

    // Applied in order, the changes give exactly the state the desk would send whole.
    expect(desk.states.at(-1)).toEqual(await desk.handlers['desk.getState']({}));
  });

  it('a desk started again (its settings changed) counts in a stream of its own, so an open console loads its whole state', async () => {
    const first = await startDesk();
    await post(`${first.url()}/requests`, requestCreated({ reference: 'K1-0001' }));
    await first.waitForState((s) => s.requests.length === 1);
    const before = first.states.at(-1) as DeskState;
    await first.close();

    const again = await startDesk({ dir: first.dir });
    await post(`${again.url()}/requests`, requestCreated({ reference: 'K1-0002' }));
    await again.waitForState((s) => s.requests.length === 2);
    const arrival = again.changes.at(-1);
    if (!arrival) throw new Error('the restarted desk announced no change');
    // Its count began again, below what the console holds; its stream says the two counts cannot be compared.
    expect(arrival.revision).toBeLessThanOrEqual(before.revision);
    expect(arrival.stream).not.toBe(before.stream);
    expect(changeFits(before, arrival)).toBe('missed');
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

  it('an emergency waiting first is told in the summary, and what waits next once it is answered', async () => {
    const desk = await startDesk();
    const normal = requestCreated({ reference: 'K1-0001' });
    await post(`${desk.url()}/requests`, normal);
    const emergency = requestCreated({ reference: 'K1-0002', kind: 'emergency', priority: 'emergency', dangerNow: true });
    await post(`${desk.url()}/requests`, emergency);
    await desk.waitForState((s) => s.requests.length === 2);
    expect(desk.changes.at(-1)?.waiting).toEqual({ count: 2, emergency: true });
    await desk.handlers['desk.acknowledge']({ id: emergency.request.id, messageKey: 'coming-now' });
    expect(desk.changes.at(-1)?.waiting).toEqual({ count: 1, emergency: false });
  });

  it('the same arrival makes a change of the same size with 1 or with 30 requests open', async () => {
    const sizeOfArrival = async (open: number) => {
      const desk = await startDesk();
      for (let i = 1; i < open; i += 1) {
        await post(`${desk.url()}/requests`, requestCreated({ reference: `K1-${String(i).padStart(4, '0')}` }));
        // Under the kiosk's limit of new requests a minute.
        desk.clock.now += 7000;
      }
      await post(`${desk.url()}/requests`, requestCreated({ reference: 'K1-9999' }));
      await desk.waitForState((s) => s.requests.length === open);
      const { request, ...rest } = desk.changes.at(-1) ?? {};
      expect(request?.reference).toBe('K1-9999');
      // Without the request itself (its random id and times) and the revision, which counts every change.
      return JSON.stringify({ ...rest, revision: 0 }).length;
    };
    expect(await sizeOfArrival(30)).toBe((await sizeOfArrival(1)) + 1);
  });
});

describe('a change meets the console state it is applied to', () => {
  const state: DeskState = {
    stream: 'first-start',
    revision: 4,
    deskId: 'D1',
    deskName: 'Front desk',
    requests: [],
    kiosks: [],
    waiting: { count: 0, emergency: false },
    alert: { repeatSeconds: 10, sound: true },
    receiver: { listening: true },
  };
  const change = {
    stream: 'first-start',
    removed: 'req_x',
    waiting: { count: 3, emergency: true },
    kiosks: [],
    receiver: { listening: false },
  };

  it('one the state already holds (it raced the first load) is skipped', () => {
    expect(changeFits(state, { ...change, revision: 4 })).toBe('held');
    expect(applyDeskChange(state, { ...change, revision: 4 })).toBe(state);
  });

  it('the next revision is applied, with its waiting summary', () => {
    expect(changeFits(state, { ...change, revision: 5 })).toBe('apply');
    expect(applyDeskChange(state, { ...change, revision: 5 })).toMatchObject({ revision: 5, waiting: { count: 3, emergency: true } });
  });

  it('a revision further on says a change was missed, and so does a change without a waiting count', () => {
    expect(changeFits(state, { ...change, revision: 6 })).toBe('missed');
    expect(changeFits(state, { ...change, stream: 'restarted', revision: 5 })).toBe('missed');
    expect(changeFits(state, { ...change, stream: 'restarted', revision: 1 })).toBe('missed');
    expect(changeFits(state, { ...change, revision: 5, waiting: undefined } as unknown as typeof change & { revision: number })).toBe(
      'missed',
    );
  });

  it("a new request goes in the desk's order, and an answered one replaces its own card, never a second copy", () => {
    const emergency = deskRequest('req_eeeeeeeeeeeeeeeeeeee', '2026-11-20T15:09:00.000Z', { priority: 'emergency', kind: 'emergency' });
    const older = deskRequest('req_oooooooooooooooooooo', '2026-11-20T15:00:00.000Z');
    const newer = deskRequest('req_nnnnnnnnnnnnnnnnnnnn', '2026-11-20T15:05:00.000Z');
    const between = deskRequest('req_bbbbbbbbbbbbbbbbbbbb', '2026-11-20T15:02:00.000Z');
    const listed = { ...state, requests: [emergency, older, newer] };
    const arrived = applyDeskChange(listed, { ...change, removed: undefined, request: between, revision: 5 });
    expect(arrived.requests.map((r) => r.id)).toEqual([emergency.id, older.id, between.id, newer.id]);
    const answered = { ...older, state: 'acknowledged' as const };
    const after = applyDeskChange(arrived, { ...change, removed: undefined, request: answered, revision: 6 });
    expect(after.requests.map((r) => [r.id, r.state])).toEqual([
      [emergency.id, 'open'],
      [older.id, 'acknowledged'],
      [between.id, 'open'],
      [newer.id, 'open'],
    ]);
  });
});
