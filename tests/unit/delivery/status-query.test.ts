/**
 * Asking a desk which requests were answered (postStatusQuery in
 * electron/core/delivery/contract-client.ts), against a real server on
 * 127.0.0.1: an answer is used only when it arrived, is signed where it must
 * be, and follows the contract; otherwise nothing is believed and the log says why.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postStatusQuery } from '../../../electron/core/delivery/contract-client.js';
import { updateMessageId } from '../../../electron/core/delivery/message-id.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { startScriptedServer, type Answer } from './support/scripted-server.js';
import { testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();
const requestId = 'req_AAAAbbbbCCCCddddEEEEffff';

async function ask(answer: Answer, options: { answerSecrets?: string[]; signal?: AbortSignal } = {}) {
  const server = track(await startScriptedServer(() => answer));
  const sink = memorySink();
  const result = await postStatusQuery(
    { url: `${server.origin}/lobby/v1/status`, secrets: [testSecret] },
    { kioskId: 'K1', requestIds: [requestId] },
    {
      now: Date.now,
      timeoutMs: 2000,
      kioskId: 'K1',
      logger: createLogger('delivery', sink),
      channelId: 'front-desk',
      ...(options.answerSecrets ? { answerSecrets: options.answerSecrets } : {}),
    },
    options.signal ?? new AbortController().signal,
  );
  const warnings = sink.entries.map((e) => [e.level, e.message, e.fields?.channel, e.fields?.reason]);
  return { result, warnings, server };
}

describe('asking a desk about requests', () => {
  it('posts a signed status.query naming the kiosk and the requests, and returns the answer', async () => {
    const { result, warnings, server } = await ask({ status: 200, json: { requests: [{ id: requestId, state: 'received' }] } });
    expect(result).toEqual({ requests: [{ id: requestId, state: 'received' }] });
    expect(warnings).toEqual([]);
    expect(server.received[0]?.json).toMatchObject({ type: 'status.query', version: 1, kioskId: 'K1', requestIds: [requestId] });
    expect(server.received[0]?.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9]{24}$/);
  });

  it('believes nothing when the desk refuses, and logs the reason', async () => {
    const { result, warnings } = await ask({ status: 503, json: { error: 'storage-failed' } });
    expect(result).toBeUndefined();
    expect(warnings).toEqual([['warn', 'status query failed', 'front-desk', 'HTTP 503 storage-failed']]);
  });

  it('logs nothing when the kiosk itself is closing', async () => {
    const controller = new AbortController();
    const server = track(
      await startScriptedServer(() => {
        controller.abort();
        return 'hang';
      }),
    );
    const sink = memorySink();
    const result = await postStatusQuery(
      { url: server.origin, secrets: [testSecret] },
      { kioskId: 'K1', requestIds: [requestId] },
      { now: Date.now, timeoutMs: 2000, kioskId: 'K1', logger: createLogger('delivery', sink), channelId: 'front-desk' },
      controller.signal,
    );
    expect(result).toBeUndefined();
    expect(sink.entries).toEqual([]);
  });

  it('believes nothing unsigned when the answer must be signed, and logs why', async () => {
    const { result, warnings } = await ask(
      { status: 200, json: { requests: [{ id: requestId, state: 'received' }] } },
      { answerSecrets: [testSecret] },
    );
    expect(result).toBeUndefined();
    expect(warnings).toEqual([['warn', 'status answer is not signed by the backend; ignored', 'front-desk', 'missing-headers']]);
  });

  it('believes nothing that does not follow the contract, and names the first wrong field', async () => {
    const wrongState = await ask({ status: 200, json: { requests: [{ id: requestId, state: 'on-the-way' }] } });
    expect(wrongState.result).toBeUndefined();
    expect(wrongState.warnings).toEqual([['warn', 'status answer does not follow the contract', 'front-desk', 'requests.0.state']]);
  });

  it('says "body" when the answer is not a JSON object at all', async () => {
    for (const answer of [{ status: 200 }, { status: 200, json: 'ok' }] satisfies Answer[]) {
      const { result, warnings } = await ask(answer);
      expect(result).toBeUndefined();
      expect(warnings).toEqual([['warn', 'status answer does not follow the contract', 'front-desk', 'body']]);
    }
  });
});

describe('the webhook-id of an update', () => {
  it('is the same for each retry of one update and different for the next kind of update', () => {
    const at = '2030-01-01T12:00:00.000Z';
    expect(updateMessageId(requestId, {})).toBe(`msg_${requestId}_none`);
    expect(updateMessageId(requestId, { acknowledgement: { at } })).toBe(`msg_${requestId}_ack`);
    expect(updateMessageId(requestId, { closed: { at } })).toBe(`msg_${requestId}_closed`);
    expect(updateMessageId(requestId, { acknowledgement: { at }, closed: { at } })).toBe(`msg_${requestId}_ack-closed`);
  });
});

describe('an answer cut off in the middle', () => {
  it('is retried as a reset connection, never read as a whole answer', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"requests":[');
      setImmediate(() => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const sink = memorySink();
    const result = await postStatusQuery(
      { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secrets: [testSecret] },
      { kioskId: 'K1', requestIds: [requestId] },
      { now: Date.now, timeoutMs: 2000, kioskId: 'K1', logger: createLogger('delivery', sink), channelId: 'front-desk' },
      new AbortController().signal,
    );
    expect(result).toBeUndefined();
    expect(sink.entries.map((e) => e.fields?.reason)).toEqual(['ECONNRESET']);
  });
});
