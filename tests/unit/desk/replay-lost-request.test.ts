/**
 * What the receiver does with a webhook-id it remembers (answer-call.ts): a
 * retry of a request the desk no longer holds (purged by retention, or lost
 * with a damaged file) is stored and shown again, not answered as a duplicate;
 * a retry of anything the desk still holds changes nothing, not even the
 * kiosk's rate limit; and a status query, which changes nothing, is answered
 * afresh each time.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post, requestCreated, requestUpdated, statusQuery } from './support/backend-client.js';

afterEach(closeAllDesks);

const days = (n: number) => n * 24 * 3600 * 1000;

describe('a remembered request.created for a request the desk no longer holds', () => {
  it('is stored and shown again after retention purged it, within the retry window', async () => {
    // A one-day retention is shorter than a kiosk's longest retry horizon (72 h): the kiosk may still be retrying.
    const desk = await startDesk({ device: (d) => (d.retention.days = 1) });
    const message = requestCreated();
    const url = `${desk.url()}/requests`;
    const messageId = `msg_${message.request.id}`;
    expect(await post(url, message, { messageId })).toEqual({ status: 200, json: { received: true, duplicate: false } });
    await desk.waitForState((s) => s.requests.length === 1);

    desk.clock.now += days(1) + 1;
    const before = desk.states.length;
    desk.every.tick();
    await desk.waitForState((s) => desk.states.indexOf(s) >= before && s.requests.length === 0);
    expect((await desk.handlers['desk.getState']({})).requests).toEqual([]);

    // The kiosk never saw the first answer and sends the same message again under the same webhook-id.
    expect(await post(url, message, { messageId })).toEqual({ status: 200, json: { received: true, duplicate: false } });
    const shown = await desk.waitForState((s) => s.requests.some((r) => r.id === message.request.id));
    expect(shown.requests.map((r) => r.id)).toEqual([message.request.id]);
    expect(desk.notifications).toHaveLength(2);
  });

  it('is stored and shown again after its file was damaged and set aside at a restart', async () => {
    const first = await startDesk();
    const message = requestCreated();
    const messageId = `msg_${message.request.id}`;
    expect((await post(`${first.url()}/requests`, message, { messageId })).status).toBe(200);
    await first.close();

    // The request's own file is damaged: the next start sets it aside, and the desk no longer holds the request.
    const folder = path.join(first.dataDir, 'desk-requests');
    const names = await readdir(folder);
    const texts = await Promise.all(names.map((name) => readFile(path.join(folder, name), 'utf8')));
    const own = names.filter((_, i) => texts[i]?.includes(message.request.id));
    expect(own).toHaveLength(1);
    await writeFile(path.join(folder, own[0] ?? ''), '{"damaged":');

    const again = await startDesk({ dir: first.dir });
    expect((await again.handlers['desk.getState']({})).requests).toEqual([]);
    expect(await post(`${again.url()}/requests`, message, { messageId })).toEqual({
      status: 200,
      json: { received: true, duplicate: false },
    });
    const shown = await again.waitForState((s) => s.requests.some((r) => r.id === message.request.id));
    expect(shown.requests.map((r) => r.id)).toEqual([message.request.id]);
    expect(again.notifications).toHaveLength(1);
    // Handled again means remembered again: one more retry is now a duplicate.
    expect(await post(`${again.url()}/requests`, message, { messageId })).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    expect(again.notifications).toHaveLength(1);
  });
});

describe('a retry of what the desk still holds', () => {
  it("does not count against the kiosk's per-minute limit: retries of a request, an update and a heartbeat", async () => {
    const desk = await startDesk({ device: (d) => (d.limits.messagesPerKioskPerMinute = 60) });
    const created = requestCreated();
    const update = requestUpdated(created.request.id, {
      acknowledgement: { messageKey: 'coming-now', deskId: 'D2', deskName: 'Records desk', at: new Date().toISOString() },
    });
    const beat = heartbeat('K1');
    const sent = [
      { path: '/requests', body: created, messageId: 'msg_retry_created', answer: { received: true, duplicate: true } },
      { path: '/updates', body: update, messageId: 'msg_retry_update', answer: { ok: true } },
      { path: '/heartbeats', body: beat, messageId: 'msg_retry_beat', answer: { ok: true } },
    ];
    // Three first messages: three of the kiosk's 60 a minute.
    for (const { path: route, body, messageId } of sent)
      expect((await post(`${desk.url()}${route}`, body, { messageId })).status).toBe(200);
    // Sixty retries of each: answered as duplicates, none of them counted (any one kind's would fill the minute).
    for (let i = 0; i < 60; i += 1)
      for (const { path: route, body, messageId, answer } of sent)
        expect(await post(`${desk.url()}${route}`, body, { messageId }), `retry ${i + 1} of ${route}`).toEqual({
          status: 200,
          json: answer,
        });
    // Counted, the retries would have used the whole minute and this would be a 429.
    expect((await post(`${desk.url()}/heartbeats`, heartbeat('K1'))).status).toBe(200);
  });
});

describe('a status query sent again under the same webhook-id', () => {
  it('is answered with the current status each time, not as a duplicate', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    await post(`${desk.url()}/requests`, created);
    const query = statusQuery([created.request.id]);
    const first = await post(`${desk.url()}/status`, query, { messageId: 'msg_status_twice' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ requests: [{ id: created.request.id }] });
    const again = await post(`${desk.url()}/status`, query, { messageId: 'msg_status_twice' });
    expect(again).toEqual(first);
  });
});

describe('an update the desk refuses', () => {
  it('is answered 403 with its reason each time it comes: a refused message is not remembered as processed', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    await post(`${desk.url()}/requests`, created);
    // Acknowledged a month before the desk received the request (the desk's clock) and before the person asked (the kiosk's): not an answer to it.
    const early = new Date(desk.clock.now - days(30)).toISOString();
    const update = requestUpdated(created.request.id, {
      acknowledgement: { messageKey: 'coming-now', deskId: 'D2', deskName: 'Records desk', at: early },
    });
    const refused = { status: 403, json: { error: 'dated-before-request', message: 'this kiosk may not change that request' } };
    expect(await post(`${desk.url()}/updates`, update, { messageId: 'msg_refused_update' })).toEqual(refused);
    expect(await post(`${desk.url()}/updates`, update, { messageId: 'msg_refused_update' })).toEqual(refused);
    expect((await desk.handlers['desk.getState']({})).requests[0]?.acknowledgement).toBeUndefined();
  });
});
