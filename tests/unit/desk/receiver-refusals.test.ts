import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { otherSecret, post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const minutes = (n: number) => n * 60 * 1000;

describe('the desk receiver refuses what it must not trust', () => {
  it('a tampered body is refused as a bad signature and nothing is stored', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const tampered = JSON.stringify({ ...message, request: { ...message.request, priority: 'emergency' } });
    const answer = await post(`${desk.url()}/requests`, message, { sendBody: tampered });
    expect(answer).toEqual({ status: 401, json: { error: 'bad-signature', message: expect.any(String) } });
    expect((await desk.handlers['desk.getState']({})).requests).toEqual([]);
    expect(desk.notifications).toEqual([]);
  });

  it('a message signed with a secret the desk does not hold is refused', async () => {
    const desk = await startDesk();
    const answer = await post(`${desk.url()}/requests`, requestCreated(), { secrets: [otherSecret] });
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe('bad-signature');
  });

  it('a message without the signature headers is refused', async () => {
    const desk = await startDesk();
    const answer = await post(`${desk.url()}/requests`, requestCreated(), { headers: { 'webhook-signature': '' } });
    expect(answer).toMatchObject({ status: 401, json: { error: 'missing-headers' } });
  });

  it('a stale or future timestamp is refused with a sentence saying so', async () => {
    const desk = await startDesk();
    for (const signedAt of [new Date(Date.now() - minutes(6)), new Date(Date.now() + minutes(6))]) {
      const answer = await post(`${desk.url()}/requests`, requestCreated(), { signedAt });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error: 'stale-timestamp', message: expect.stringContaining('5 minutes') });
    }
  });

  it('a webhook-id used before for a different message is refused with 409 webhook-id-reused', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/heartbeats`;
    const body = {
      type: 'kiosk.heartbeat',
      version: 1,
      sentAt: new Date().toISOString(),
      kiosk: { id: 'K1', location: 'Lobby' },
      outboxDepth: 0,
      failedDeliveries: 0,
    };
    expect((await post(url, body, { messageId: 'msg_once' })).status).toBe(200);
    expect(await post(url, { ...body, outboxDepth: 7 }, { messageId: 'msg_once' })).toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused' },
    });
  });

  it('a webhook-id reused for a different request is refused, not taken for a retry', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/requests`;
    expect((await post(url, requestCreated(), { messageId: 'msg_same' })).status).toBe(200);
    expect((await post(url, requestCreated(), { messageId: 'msg_same' })).status).toBe(409);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
  });

  it('bad JSON and bodies that break the contract are refused naming the field', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/requests`;
    expect(await post(url, '{ not json')).toMatchObject({ status: 400, json: { error: 'bad-json' } });
    const wrongKind = requestCreated({ kind: 'shopping' as never });
    expect(await post(url, wrongKind)).toMatchObject({
      status: 400,
      json: { error: 'invalid-body', message: expect.stringMatching(/^request\.kind: /) },
    });
  });

  it('a field the desk does not know is ignored, not refused, and never stored (contract 1.1)', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const newer = { ...message, routing: 'unit 4', request: { ...message.request, note: 'free text is not kept' } };
    expect(await post(`${desk.url()}/requests`, newer)).toEqual({ status: 200, json: { received: true, duplicate: false } });
    const [stored] = (await desk.handlers['desk.getState']({})).requests;
    expect(stored?.id).toBe(message.request.id);
    expect(JSON.stringify(await desk.handlers['desk.getState']({}))).not.toContain('free text');
  });

  it('a body that is not JSON by content type is refused with 415', async () => {
    const desk = await startDesk();
    const answer = await post(`${desk.url()}/requests`, requestCreated(), { contentType: 'text/plain' });
    expect(answer).toMatchObject({ status: 415, json: { error: 'unsupported-media-type' } });
  });

  it('a body over 64 KB is refused with 413 before its signature is even checked', async () => {
    const desk = await startDesk();
    const answer = await post(`${desk.url()}/requests`, 'x'.repeat(65 * 1024), { headers: { 'webhook-signature': 'v1,bogus' } });
    expect(answer).toMatchObject({ status: 413, json: { error: 'too-large' } });
  });

  it('an unknown path is 404 and a GET is 405', async () => {
    const desk = await startDesk();
    expect((await post(`${desk.url()}/orders`, requestCreated())).status).toBe(404);
    expect((await post(desk.url().replace('/lobby/v1', '/requests'), requestCreated())).status).toBe(404);
    const get = await post(`${desk.url()}/requests`, '', { method: 'GET' });
    expect(get).toMatchObject({ status: 405, json: { error: 'method-not-allowed' } });
  });

  it('logs each refusal with its status and reason code only, never the body', async () => {
    const desk = await startDesk();
    await post(`${desk.url()}/requests`, requestCreated(), { secrets: [otherSecret] });
    await post(`${desk.url()}/requests`, requestCreated({ kind: 'x' as never }));
    const refusals = desk.logs.filter((e) => e.message === 'the receiver refused a call');
    expect(refusals.map((e) => [e.fields?.status, e.fields?.code])).toEqual([
      [401, 'bad-signature'],
      [400, 'invalid-body'],
    ]);
    expect(JSON.stringify(desk.logs)).not.toContain('Marisol');
  });
});
