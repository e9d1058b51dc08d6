/**
 * The receiver's checks at their edges: the body limit to the byte, the
 * media type however it is spelled, and which refusal wins when a call
 * breaks several rules (the most precise answer for the sender).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bodyLimitBytes } from '../../../electron/core/desk/receiver/receiver-server.js';
import { heartbeat, otherSecret, post, requestCreated } from './support/backend-client.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';

afterEach(closeAllDesks);

/** A heartbeat padded with spaces (still valid JSON, still signed) to exactly `bytes` bytes. */
const heartbeatOfSize = (bytes: number) => {
  const text = JSON.stringify(heartbeat());
  return `${text}${' '.repeat(bytes - Buffer.byteLength(text))}`;
};

describe('the receiver at its edges', () => {
  it('takes a body of exactly the limit and refuses one byte more', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/heartbeats`;
    expect((await post(url, heartbeatOfSize(bodyLimitBytes))).status, `${bodyLimitBytes} bytes`).toBe(200);
    expect(await post(url, heartbeatOfSize(bodyLimitBytes + 1)), `${bodyLimitBytes + 1} bytes`).toMatchObject({
      status: 413,
      json: { error: 'too-large', message: expect.stringContaining(String(bodyLimitBytes)) },
    });
  });

  it('accepts application/json with a charset and in any case', async () => {
    const desk = await startDesk();
    const url = `${desk.url()}/heartbeats`;
    expect((await post(url, heartbeat(), { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await post(url, heartbeat(), { contentType: 'Application/JSON' })).status).toBe(200);
    expect((await post(url, heartbeat(), { contentType: 'application/jsonx' })).status).toBe(415);
  });

  it('answers the first rule broken, in the documented order', async () => {
    const desk = await startDesk();
    const base = desk.url();
    const tooLarge = 'x'.repeat(bodyLimitBytes + 1);
    // Unknown path before method; method before media type; media type before size; size before signature;
    // signature before JSON; JSON before the contract.
    expect((await post(`${base}/nowhere`, '', { method: 'GET', contentType: 'text/plain' })).status).toBe(404);
    expect((await post(`${base}/requests`, '', { method: 'GET', contentType: 'text/plain' })).status).toBe(405);
    expect((await post(`${base}/requests`, tooLarge, { contentType: 'text/plain' })).status).toBe(415);
    expect((await post(`${base}/requests`, tooLarge, { secrets: [otherSecret] })).status).toBe(413);
    expect((await post(`${base}/requests`, '{ not json', { secrets: [otherSecret] })).status).toBe(401);
    expect((await post(`${base}/requests`, '{ not json')).json.error).toBe('bad-json');
    expect((await post(`${base}/requests`, [])).json).toMatchObject({ error: 'invalid-body', message: expect.stringMatching(/^body: /) });
  });

  it('answers a real retry of a stored request as a duplicate, and stores it once', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    const messageId = `msg_${message.request.id}`;
    expect(await post(`${desk.url()}/requests`, message, { messageId })).toEqual({
      status: 200,
      json: { received: true, duplicate: false },
    });
    expect(await post(`${desk.url()}/requests`, message, { messageId })).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(1);
  });

  it('answers an update sent again under its webhook id as a duplicate, and refuses another update under that id', async () => {
    const desk = await startDesk();
    const created = requestCreated();
    expect((await post(`${desk.url()}/requests`, created, { messageId: `msg_${created.request.id}` })).status).toBe(200);
    const closedAt = new Date().toISOString();
    const update = {
      type: 'request.updated',
      version: 1,
      sentAt: new Date().toISOString(),
      requestId: created.request.id,
      closed: { outcome: 'referred', at: closedAt, deskId: 'D2' },
    };
    expect((await post(`${desk.url()}/updates`, update, { messageId: 'msg_update_once' })).status).toBe(200);
    // The kiosk's retry of the same update (its first answer lost): a duplicate, never 409 (docs/backend-contract.md).
    expect((await post(`${desk.url()}/updates`, update, { messageId: 'msg_update_once' })).status).toBe(200);
    const other = { ...update, closed: { outcome: 'not-today', at: closedAt, deskId: 'D2' } };
    expect(await post(`${desk.url()}/updates`, other, { messageId: 'msg_update_once' })).toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused' },
    });
  });
});
