import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replayMemoryFile } from '../../../electron/core/desk/receiver/replay-guard.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post, requestCreated, requestUpdated } from './support/backend-client.js';

afterEach(closeAllDesks);

const ack = { messageKey: 'coming-now' as const, deskId: 'D2', deskName: 'Records desk', at: new Date().toISOString() };

describe('a retry is a duplicate, a reused webhook-id is not (contract 1.1)', () => {
  it('a retry of request.created (same webhook-id, new timestamp, sentAt and ageSeconds) is answered 200 duplicate and alerts once', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const url = `${desk.url()}/requests`;
    const id = `msg_${message.request.id}`;
    expect(await post(url, { ...message, ageSeconds: 0.2 }, { messageId: id })).toEqual({
      status: 200,
      json: { received: true, duplicate: false },
    });
    const retry = { ...message, sentAt: new Date(Date.now() + 1500).toISOString(), ageSeconds: 1.7 };
    expect(await post(url, retry, { messageId: id, signedAt: new Date(Date.now() + 1000) })).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    await desk.waitForState((s) => s.requests.length === 1);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
    expect(desk.notifications).toHaveLength(1);
  });

  it('a retry of request.updated or a heartbeat is answered 200 and changes nothing twice', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    await post(`${desk.url()}/requests`, created);
    const update = requestUpdated(created.request.id, { acknowledgement: ack });
    expect(await post(`${desk.url()}/updates`, update, { messageId: 'msg_update_1' })).toEqual({ status: 200, json: { ok: true } });
    expect(await post(`${desk.url()}/updates`, { ...update, sentAt: new Date().toISOString() }, { messageId: 'msg_update_1' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(await post(`${desk.url()}/heartbeats`, heartbeat(), { messageId: 'msg_beat_1' })).toEqual({ status: 200, json: { ok: true } });
    expect(await post(`${desk.url()}/heartbeats`, heartbeat(), { messageId: 'msg_beat_1' })).toEqual({ status: 200, json: { ok: true } });
  });

  it('the same webhook-id with another message is refused 409 webhook-id-reused, and nothing of it is stored', async () => {
    const desk = await startDesk();
    const first = requestCreated();
    const url = `${desk.url()}/requests`;
    await post(url, first, { messageId: 'msg_reused' });
    const other = { ...first, request: { ...first.request, priority: 'emergency' as const, dangerNow: true } };
    expect(await post(url, other, { messageId: 'msg_reused' })).toMatchObject({ status: 409, json: { error: 'webhook-id-reused' } });
    const [stored] = (await desk.handlers['desk.getState']({})).requests;
    expect(stored?.priority).toBe('normal');
  });

  it('remembers webhook-ids across a restart: after it, a retry is still a duplicate and a reused id still refused', async () => {
    const first = await startDesk();
    const created = requestCreated();
    const update = requestUpdated(created.request.id, { acknowledgement: ack });
    await post(`${first.url()}/requests`, created, { messageId: `msg_${created.request.id}` });
    await post(`${first.url()}/updates`, update, { messageId: 'msg_update_before_restart' });
    await first.close();

    const again = await startDesk({ dir: first.dir });
    const closing = requestUpdated(created.request.id, { closed: { outcome: 'referred', at: new Date().toISOString(), deskId: 'D2' } });
    expect(await post(`${again.url()}/updates`, closing, { messageId: 'msg_update_before_restart' })).toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused' },
    });
    expect(await post(`${again.url()}/updates`, update, { messageId: 'msg_update_before_restart' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(await post(`${again.url()}/requests`, created, { messageId: `msg_${created.request.id}` })).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
  });

  it('keeps its replay memory in a small file of ids and digests only: no personal data, no heartbeats', async () => {
    const desk = await startDesk();
    const created = requestCreated({ firstName: 'Marisol' });
    await post(`${desk.url()}/requests`, created);
    await post(`${desk.url()}/heartbeats`, heartbeat());
    await desk.close();
    const lines = (await readFile(replayMemoryFile(desk.dataDir), 'utf8')).trim().split('\n');
    expect(lines.map((line) => Object.keys(JSON.parse(line) as object).sort())).toEqual([['at', 'digest', 'id', 'requestId', 'type']]);
    expect(lines.join('')).not.toContain('Marisol');
    expect(path.basename(replayMemoryFile(desk.dataDir))).toBe('receiver-replays.jsonl');
  });
});
