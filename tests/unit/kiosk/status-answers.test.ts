/**
 * What the kiosk does with a desk's status answers, on a desk the test
 * scripts: "received" changes nothing; the first acknowledgement wins, also
 * when a closure later carries another; an answer dated before the request
 * is ignored with a warning; a request closed once is not closed again; and
 * the log names the request, the channel and the desk, never a person.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { statusQuerySchema, type StatusAnswer } from '../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../shared/request.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { signedAnswer } from '../delivery/support/signed-answer.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

type Entry = StatusAnswer['requests'][number];

/** A desk channel whose status answers the test writes per asked id; it takes every request and update, and signs each answer as a desk does. */
async function scriptedDesk() {
  let answerFor: (id: string) => Entry[] = (id) => [{ id, state: 'received' }];
  const server = track(
    await startScriptedServer((r) => {
      const sign = (json: unknown) => signedAnswer(testSecret, r, { status: 200, json });
      if (r.path.endsWith('/requests')) return sign({ received: true, duplicate: false });
      if (r.path.endsWith('/status')) return sign({ requests: statusQuerySchema.parse(r.json).requestIds.flatMap((id) => answerFor(id)) });
      return sign({ ok: true });
    }),
  );
  const statusQueries = () => server.received.filter((r) => r.path.endsWith('/status')).length;
  return {
    server,
    channel: { id: 'front-desk', type: 'desk', url: `${server.origin}/lobby/v1`, secret: testSecret },
    answer: (next: (id: string) => Entry[]) => (answerFor = next),
    /** Resolves after two more status polls than now: the answer to the first of them has been applied. */
    polled: async () => {
      const target = statusQueries() + 2;
      await server.waitFor(() => statusQueries() >= target);
    },
  };
}

const ackFrom = (deskId: string, at = new Date().toISOString()): Acknowledgement => ({
  messageKey: 'coming-now',
  deskId,
  deskName: `Desk ${deskId}`,
  at,
});

async function deliveredOnce() {
  const desk = await scriptedDesk();
  let tick = Date.now();
  const kiosk = track(await startKiosk(kioskConfig({ channels: [desk.channel] }), { platform: { now: () => (tick += 1) } }));
  const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
  const delivered = await kiosk.waitForView(id, (v) => v.phase === 'delivered');
  return { desk, kiosk, id, delivered };
}

describe("a desk's status answers", () => {
  it('"received" changes nothing and logs nothing', async () => {
    const { desk, kiosk, id, delivered } = await deliveredOnce();
    await desk.polled();
    expect(await kiosk.service.handlers['request.get']({ id })).toEqual(delivered);
    expect(kiosk.log.filter((e) => e.message.startsWith('request '))).toHaveLength(1);
  });

  it('the first acknowledgement wins: a later one, and one carried by the closure, do not replace it', async () => {
    const { desk, kiosk, id } = await deliveredOnce();
    const first = ackFrom('D1');
    desk.answer((asked) => [{ id: asked, state: 'acknowledged', acknowledgement: first }]);
    await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    desk.answer((asked) => [{ id: asked, state: 'acknowledged', acknowledgement: ackFrom('D2') }]);
    await desk.polled();
    expect((await kiosk.service.handlers['request.get']({ id }))?.acknowledgement).toEqual(first);
    expect(kiosk.log.filter((e) => e.message === 'request acknowledged').map((e) => e.fields)).toEqual([
      { requestId: id, channel: 'front-desk', deskId: 'D1' },
    ]);

    const closed = { outcome: 'referred' as const, at: new Date().toISOString(), deskId: 'D2' };
    desk.answer((asked) => [{ id: asked, state: 'closed', acknowledgement: ackFrom('D2'), closed }]);
    const view = await kiosk.waitForView(id, (v) => v.phase === 'closed');
    expect(view.acknowledgement).toEqual(first);
    expect(kiosk.log.find((e) => e.message === 'request closed by a desk')?.fields).toEqual({
      requestId: id,
      channel: 'front-desk',
      deskId: 'D2',
    });
    await kiosk.service.close();
    expect(await storedRecord(kiosk.dataDir, id)).toMatchObject({
      phase: 'closed',
      closed,
      acknowledgement: first,
      reportedBy: 'front-desk',
    });
  });

  it('a closed state without closure details still closes the request, and the log has no desk to name', async () => {
    const { desk, kiosk, id } = await deliveredOnce();
    desk.answer((asked) => [{ id: asked, state: 'closed' }]);
    await kiosk.waitForView(id, (v) => v.phase === 'closed');
    expect(kiosk.log.find((e) => e.message === 'request closed by a desk')?.fields).toEqual({ requestId: id, channel: 'front-desk' });
    await kiosk.service.close();
    expect((await storedRecord(kiosk.dataDir, id))?.closed).toBeUndefined();
  });

  it('an answer dated well before the request is ignored, with a warning naming the request and the channel', async () => {
    const { desk, kiosk, id } = await deliveredOnce();
    const longBefore = new Date(Date.now() - 3_600_000).toISOString();
    desk.answer((asked) => [{ id: asked, state: 'acknowledged', acknowledgement: ackFrom('D1', longBefore) }]);
    const warning = await kiosk.waitForLog((e) => e.message === 'ignored an answer dated before the request');
    expect(warning).toMatchObject({ level: 'warn', fields: { requestId: id, channel: 'front-desk' } });
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase).toBe('delivered');

    desk.answer((asked) => [{ id: asked, state: 'closed', closed: { outcome: 'referred', at: longBefore, deskId: 'D1' } }]);
    await desk.polled();
    expect((await kiosk.service.handlers['request.get']({ id }))?.phase, 'a closure dated before it too').toBe('delivered');
  });

  it('a request closed once is not closed again by a repeated entry, and an entry about an unknown request is skipped', async () => {
    const { desk, kiosk, id } = await deliveredOnce();
    const closed = { outcome: 'referred' as const, at: new Date().toISOString(), deskId: 'D1' };
    desk.answer((asked) => [
      { id: 'req_AAAAAAAAAAAAAAAAAAAAAAAA', state: 'closed', closed },
      { id: asked, state: 'closed', closed },
      { id: asked, state: 'closed', closed: { ...closed, outcome: 'not-today' } },
    ]);
    await kiosk.waitForView(id, (v) => v.phase === 'closed');
    await kiosk.service.close();
    expect(kiosk.log.filter((e) => e.message === 'request closed by a desk').map((e) => e.fields?.requestId)).toEqual([id]);
    expect((await storedRecord(kiosk.dataDir, id))?.closed?.outcome).toBe('referred');
  });
});
