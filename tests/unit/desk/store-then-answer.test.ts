import { afterEach, describe, expect, it } from 'vitest';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { post, requestCreated, requestUpdated } from './support/backend-client.js';

afterEach(closeAllDesks);

/** Node's files, except that writes fail like a full disk while `full` is set. */
function fillableDisk(): DurableFiles & { full: boolean } {
  const files = {
    ...nodeFiles,
    full: false,
    writeSynced: async (file: string, data: string) => {
      if (files.full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      await nodeFiles.writeSynced(file, data);
    },
  };
  return files;
}

describe('the desk stores, then answers', () => {
  it('a request.created it could not store is a 5xx, shown nowhere; the same message sent again is stored', async () => {
    const files = fillableDisk();
    const desk = await startDesk({ files });
    const message = requestCreated();
    files.full = true;

    const refused = await post(`${desk.url()}/requests`, message, { messageId: 'msg_full_disk' });
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect((await desk.handlers['desk.getState']({})).requests).toEqual([]);
    expect(desk.notifications).toEqual([]);

    files.full = false;
    // The kiosk's retry reuses the webhook-id: not a replay, because nothing was stored the first time.
    const retried = await post(`${desk.url()}/requests`, message, { messageId: 'msg_full_disk' });
    expect(retried).toEqual({ status: 200, json: { received: true, duplicate: false } });
    expect((await desk.handlers['desk.getState']({})).requests.map((r) => r.id)).toEqual([message.request.id]);
  });

  it('the same request on two channels at once is stored once and alerted once', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const answers = await Promise.all([post(`${desk.url()}/requests`, message), post(`${desk.url()}/requests`, message)]);
    expect(answers.map((a) => a.json.duplicate).sort()).toEqual([false, true]);
    await desk.waitForState((s) => s.requests.length === 1);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
    expect(desk.notifications).toHaveLength(1);
    expect(desk.changes.filter((c) => c.request?.id === message.request.id)).toHaveLength(1);
  });

  it("another desk's answer it could not store is a 5xx, and the request stays unanswered", async () => {
    const files = fillableDisk();
    const desk = await startDesk({ files });
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    files.full = true;
    const update = requestUpdated(message.request.id, {
      acknowledgement: {
        messageKey: 'coming-now',
        deskId: 'D2',
        deskName: 'Back office',
        at: new Date(desk.clock.now + 1000).toISOString(),
      },
    });
    expect((await post(`${desk.url()}/updates`, update)).status).toBeGreaterThanOrEqual(500);
    const state = await desk.handlers['desk.getState']({});
    expect(state.requests[0]?.state).toBe('open');
    expect(waitingIds(state)).toEqual([message.request.id]);
  });

  it("an officer's acknowledgement it could not store fails, and the request stays waiting", async () => {
    const files = fillableDisk();
    const desk = await startDesk({ files });
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    files.full = true;
    await expect(desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' })).rejects.toThrow('ENOSPC');
    expect(waitingIds(await desk.handlers['desk.getState']({}))).toEqual([message.request.id]);
  });
});
