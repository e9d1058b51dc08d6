/**
 * What the kiosk writes down about each channel's result must be what
 * happened at the wire: a page that no longer applies is dropped (not
 * "failed", not "delivered"), and an attempt that throws is retried. (That
 * nothing delivered goes out again after a restart: durability.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChannelQueue, type QueueTask } from '../../../electron/core/delivery/channel-queue.js';
import type { AttemptResult } from '../../../electron/core/delivery/attempt.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { parseRecord } from '../../../electron/core/kiosk/request-record.js';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();

const storedRecord = async (dataDir: string, id: string) =>
  parseRecord(JSON.parse(await readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8')) as unknown);

describe('a page that no longer applies', () => {
  it('is dropped when the request is closed meanwhile: not marked failed, not logged delivered, no alert', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    let hookUp = false;
    const hook = track(await startScriptedServer(() => (hookUp ? { status: 200, json: {} } : { status: 503 })));
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [deskChannel(desk.url), { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret }],
        }),
      ),
    );
    const first = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(first.id, (v) => v.phase === 'delivered');
    await hook.waitFor(() => hook.received.length >= 2);
    // The desk closes it while the webhook is still down: the page to the webhook is no longer needed.
    desk.requests.get(first.id)!.closed = true;
    await kiosk.waitForView(first.id, (v) => v.phase === 'closed');
    hookUp = true;

    // A later request on the same queue goes through only once the queue has moved past the first one's page.
    const second = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForLog((e) => e.message === 'delivered' && e.fields?.channel === 'hook' && e.fields.requestId === second.id);
    await kiosk.service.close();

    const hookIds = hook.received.map((r) => requestCreatedSchema.parse(r.json).request.id);
    expect(hookIds.filter((id) => id === first.id).length, 'attempts at the first page, all while the webhook was down').toBe(
      hookIds.length - 1,
    );
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

describe('an attempt that throws', () => {
  it('is logged, retried with the same task, and delivered; the queue goes on to the next task', async () => {
    const sink = memorySink();
    const abort = new AbortController();
    const tried: string[] = [];
    const settled: Array<[string, AttemptResult['outcome']]> = [];
    let done: () => void = () => undefined;
    const allSettled = new Promise<void>((resolve) => (done = resolve));
    const queue = createChannelQueue({
      channelId: 'hook',
      retry: { initialDelayMs: 1, maxDelayMs: 2 },
      logger: createLogger('test', sink),
      signal: abort.signal,
      attempt: async (task: QueueTask, attempt: number) => {
        tried.push(`${task.requestId}#${attempt}`);
        if (task.requestId === 'a' && attempt === 1) throw new Error('the channel broke');
        return { outcome: 'delivered' };
      },
      settled: (task, result) => {
        settled.push([task.requestId, result.outcome]);
        if (settled.length === 2) done();
      },
    });
    queue.push({ requestId: 'a', kind: 'created' });
    queue.push({ requestId: 'b', kind: 'created' });
    await allSettled;
    abort.abort();
    expect(tried).toEqual(['a#1', 'a#2', 'b#1']);
    expect(settled).toEqual([
      ['a', 'delivered'],
      ['b', 'delivered'],
    ]);
    expect(sink.entries.find((e) => e.message === 'delivery attempt threw')?.fields).toMatchObject({ channel: 'hook', requestId: 'a' });
    expect(sink.entries.find((e) => e.message === 'delivery will be retried')?.fields).toMatchObject({
      reason: 'internal error',
      attempt: 1,
    });
  });
});
