/**
 * `request.created` as the contract client sends it
 * (electron/core/delivery/contract-client.ts): the person's wait by the
 * kiosk's clock, and the one resend in the 1.0 shape, made only when a
 * receiver refused the shape of a message that carries a newer field.
 */
import { describe, expect, it } from 'vitest';
import { createdMessageOf, postCreated, type RequestCreatedToSend } from '../../../electron/core/delivery/contract-client.js';
import type { NewRequest } from '../../../electron/core/delivery/channel-sender.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { requestCreated } from '../desk/support/backend-client.js';
import { startScriptedServer, type Answer } from './support/scripted-server.js';
import { testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();
const createdAt = Date.UTC(2030, 0, 1, 12, 0, 0);

function newRequest(): NewRequest {
  const created: NewRequest['created'] = requestCreated({ createdAt: new Date(createdAt).toISOString() });
  delete (created as { sentAt?: string }).sentAt;
  delete created.request.firstName;
  return { created, firstName: 'Marisol', page: {} as NewRequest['page'] };
}

async function post(message: RequestCreatedToSend, answer: Answer) {
  const server = track(await startScriptedServer(() => answer));
  const sink = memorySink();
  const result = await postCreated(
    { url: server.origin, secrets: [testSecret] },
    'msg_one',
    message,
    { now: () => createdAt + 1_000, timeoutMs: 2000, kioskId: 'K1', logger: createLogger('delivery', sink), channelId: 'hook' },
    new AbortController().signal,
  );
  return { result, server, log: sink.entries };
}

describe('request.created for one attempt', () => {
  it("carries the person's wait in seconds by the kiosk's clock, and the first name only when given", () => {
    const request = newRequest();
    expect(createdMessageOf(request, 'Marisol', createdAt + 12_345)).toMatchObject({
      ageSeconds: 12.345,
      request: { id: request.created.request.id, firstName: 'Marisol' },
    });
    expect(createdMessageOf(request, undefined, createdAt).request).not.toHaveProperty('firstName');
  });

  it('never carries a negative wait when the kiosk clock went back', () => {
    expect(createdMessageOf(newRequest(), undefined, createdAt - 60_000).ageSeconds).toBe(0);
  });
});

describe('the 1.0 resend', () => {
  it('is made once, under the same webhook-id and without the newer field, when the shape is refused, and logged', async () => {
    const { result, server, log } = await post(createdMessageOf(newRequest(), undefined, createdAt), { status: 422 });
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 422' });
    expect(server.received.map((r) => [r.headers['webhook-id'], 'ageSeconds' in (r.json as object)])).toEqual([
      ['msg_one', true],
      ['msg_one', false],
    ]);
    // The same message otherwise: type, version and the whole request.
    const [first, second] = server.received.map((r) => r.json as Record<string, unknown>);
    expect(second).toEqual({ ...first, ageSeconds: undefined, sentAt: second?.sentAt });
    expect(log.map((e) => [e.message, e.fields?.channel, e.fields?.status])).toEqual([
      ['the receiver refused a contract 1.1 message; sending it in the 1.0 shape', 'hook', 422],
    ]);
  });

  it('is not made for a refusal that is not about the shape', async () => {
    for (const status of [401, 403, 404, 409, 413]) {
      const { result, server, log } = await post(createdMessageOf(newRequest(), undefined, createdAt), { status });
      expect(result).toEqual({ outcome: 'permanent', reason: `HTTP ${status}` });
      expect(server.received).toHaveLength(1);
      expect(log).toEqual([]);
    }
  });

  it('is not made for a message that has no newer field to drop', async () => {
    const { created } = newRequest();
    const { result, server } = await post(created, { status: 400 });
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 400' });
    expect(server.received).toHaveLength(1);
  });
});
