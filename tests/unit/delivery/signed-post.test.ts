/**
 * One signed POST (electron/core/delivery/http-post.ts) against a real server
 * on 127.0.0.1: what goes on the wire, how each kind of answer is classified,
 * and that the sender's own clock, not the machine's, dates everything.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postSigned, type PostDeps, type SignedPost } from '../../../electron/core/delivery/http-post.js';
import { startScriptedServer, type Answer } from './support/scripted-server.js';
import { testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

/** A sender clock years away from the machine's, on a whole second (HTTP dates have no milliseconds). */
const senderNow = Date.UTC(2031, 4, 6, 10, 0, 0);

function deps(extra: Partial<PostDeps> = {}): PostDeps {
  return { now: () => senderNow, timeoutMs: 4000, signal: new AbortController().signal, ...extra };
}

async function answering(answer: Answer) {
  const server = track(await startScriptedServer(() => answer));
  const message: SignedPost = { url: `${server.origin}/hook`, body: '{"type":"test"}', messageId: 'msg_one', secrets: [testSecret] };
  return { server, message };
}

describe('a signed POST', () => {
  it("counts a Retry-After date from the sender's clock, not the machine's", async () => {
    const { message } = await answering({ status: 503, headers: { 'retry-after': new Date(senderNow + 30_000).toUTCString() } });
    const outcome = await postSigned(message, deps());
    expect(outcome.result).toEqual({ outcome: 'retry', reason: 'HTTP 503', retryAfterMs: 30_000 });
  });

  it("signs with the sender's clock and sends the body as given, with its length and type", async () => {
    const { server, message } = await answering({ status: 200, json: { received: true } });
    const outcome = await postSigned(message, deps());
    expect(outcome).toMatchObject({ result: { outcome: 'delivered' }, status: 200, json: { received: true } });
    const [received] = server.received;
    expect(received).toMatchObject({
      path: '/hook',
      body: message.body,
      headers: {
        'content-type': 'application/json',
        'content-length': String(message.body.length),
        'user-agent': 'lobby-kiosk/1',
        'webhook-id': 'msg_one',
        'webhook-timestamp': String(senderNow / 1000),
      },
    });
  });

  it("adds the receiver's short error code to the reason of a refusal", async () => {
    const { message } = await answering({ status: 401, json: { error: 'stale-timestamp', message: 'too old' } });
    expect((await postSigned(message, deps())).result).toEqual({ outcome: 'permanent', reason: 'HTTP 401 stale-timestamp' });
  });

  it('leaves out an error code that is not a short lowercase word, so nothing a receiver wrote reaches the log', async () => {
    for (const error of ['Marisol is here', 'x'.repeat(41), 42, '']) {
      const { message } = await answering({ status: 400, json: { error } });
      expect((await postSigned(message, deps())).result).toEqual({ outcome: 'permanent', reason: 'HTTP 400' });
    }
  });

  it('reads an answer that is not JSON as no JSON, and keeps its text', async () => {
    const server = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('{"error":"bad-gateway"'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const outcome = await postSigned({ url, body: '{}', messageId: 'msg_two', secrets: [testSecret] }, deps());
    expect(outcome).toMatchObject({ result: { outcome: 'retry', reason: 'HTTP 502' }, status: 502, text: '{"error":"bad-gateway"' });
    expect(outcome.json).toBeUndefined();
  });

  it('keeps at most 1 MiB of an answer, however much the receiver sends', async () => {
    const server = createServer((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('x'.repeat(3 * 1024 * 1024)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const outcome = await postSigned({ url, body: '{}', messageId: 'msg_big', secrets: [testSecret] }, deps());
    expect(outcome.result).toEqual({ outcome: 'retry', reason: 'HTTP 503' });
    expect(outcome.text?.length).toBeGreaterThan(0);
    expect(outcome.text?.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('keeps the whole of an answer of exactly 1 MiB', async () => {
    const server = createServer((_req, res) => res.writeHead(503, { 'content-type': 'text/plain' }).end('y'.repeat(1024 * 1024)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const outcome = await postSigned({ url, body: '{}', messageId: 'msg_mib', secrets: [testSecret] }, deps());
    expect(outcome.text).toBe('y'.repeat(1024 * 1024));
  });

  it('gives up on a receiver that does not answer within the time limit, and says it was the time', async () => {
    const { message } = await answering('hang');
    expect((await postSigned(message, deps({ timeoutMs: 100 }))).result).toEqual({ outcome: 'retry', reason: 'timeout' });
  });

  it('says "aborted", not "timeout", when the service closes during the attempt', async () => {
    const controller = new AbortController();
    const server = track(
      await startScriptedServer(() => {
        controller.abort();
        return 'hang';
      }),
    );
    const message: SignedPost = { url: server.origin, body: '{}', messageId: 'msg_closing', secrets: [testSecret] };
    expect((await postSigned(message, deps({ signal: controller.signal }))).result).toEqual({ outcome: 'retry', reason: 'aborted' });
  });

  it('is delivered on a 2xx with nothing added from its body, even an error code', async () => {
    const { message } = await answering({ status: 200, json: { error: 'duplicate' } });
    expect((await postSigned(message, deps())).result).toStrictEqual({ outcome: 'delivered' });
  });

  it('refuses at once a caFile it cannot read, without sending anything', async () => {
    const { server, message } = await answering({ status: 200 });
    const outcome = await postSigned({ ...message, caFile: '/nonexistent/ca.pem' }, deps());
    expect(outcome.result).toEqual({ outcome: 'permanent', reason: 'caFile cannot be read' });
    expect(server.received).toEqual([]);
  });

  it('never sends to a pinned desk over plain http', async () => {
    const { server, message } = await answering({ status: 200 });
    const outcome = await postSigned({ ...message, pin: { certPem: 'unused', fingerprint: 'unused' } }, deps());
    expect(outcome.result).toEqual({ outcome: 'permanent', reason: 'a paired desk must be reached over https' });
    expect(server.received).toEqual([]);
  });
});
