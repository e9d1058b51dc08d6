/**
 * A page that no longer applies is dropped by the channel's queue: not
 * marked failed, not logged delivered, no alert, and the queue moves on.
 *
 * The webhook refuses (503) every page of the first request and takes every
 * other. The test never switches it back on at a moment of its choosing: an
 * attempt at the first page still in flight when the desk closes the
 * request would land after such a switch and be taken (the race that made
 * the older version of this test in kiosk/settled-results.test.ts fail
 * under load).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { startScriptedServer, type Received } from './support/scripted-server.js';
import { startVerifyingReceiver } from './support/verifying-receiver.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

const requestIdOf = (request: Received) => requestCreatedSchema.parse(request.json).request.id;

describe('a page that no longer applies', () => {
  it('is dropped when the request is closed meanwhile: not marked failed, not logged delivered, no alert', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    // The first request the webhook hears of is the one it refuses, every time.
    let refused: string | undefined;
    const hook = track(
      await startScriptedServer((request) => {
        refused ??= requestIdOf(request);
        return requestIdOf(request) === refused ? { status: 503 } : { status: 200, json: {} };
      }),
    );
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [deskChannel(desk.url), { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }],
        }),
      ),
    );
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    // The webhook has refused the first page at least twice: its queue is retrying it.
    await hook.waitFor(() => hook.received.filter((r) => requestIdOf(r) === first.id).length >= 2);
    expect(refused).toBe(first.id);
    // The desk closes it: the page to the webhook is no longer needed.
    desk.requests.get(first.id)!.closed = true;
    await kiosk.waitForView(first.id, (v) => v.phase === 'closed');

    // A later request on the same queue goes through only once the queue has moved past the first one's page.
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'hook' && e.fields.requestId === second.id);
    await kiosk.service.close();

    const hookIds = hook.received.map(requestIdOf);
    expect(hookIds.at(-1), 'the second page came last: nothing of the first was sent after it').toBe(second.id);
    expect(hookIds.filter((id) => id === first.id)).toHaveLength(hookIds.length - 1);
    expect(kiosk.log.filter((e) => e.fields?.channel === 'hook' && e.fields.requestId === first.id && e.message === 'delivered')).toEqual(
      [],
    );
    expect(kiosk.log.filter((e) => e.message.startsWith('ALERT'))).toEqual([]);
    expect((await storedRecord(kiosk.dataDir, first.id))?.channels.hook).toMatchObject({ created: 'idle' });
    expect((await storedRecord(kiosk.dataDir, second.id))?.channels.hook).toMatchObject({ created: 'delivered' });
    const [hookResult] = kiosk.service.admin?.channels?.().filter((c) => c.id === 'hook') ?? [];
    expect(hookResult, 'the admin screen shows the one real result').toMatchObject({ failedDeliveries: 0, lastResult: 'delivered' });
  });
});
