/**
 * A receiver written from docs/backend-contract.md alone, the way a
 * department would: Standard Webhooks verification through the
 * `standardwebhooks` package, webhook-ids remembered with the message they
 * carried, request ids deduplicated. The real kiosk sends to it through lost
 * answers; retry and replay must never contradict each other.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeskSender } from '../../../electron/core/delivery/desk-channel.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { startScriptedServer } from './support/scripted-server.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';

const track = closeAfterEach();
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

type Body = Record<string, unknown> & { request: { id: string } };

/** "The message apart from sentAt and ageSeconds", as the doc defines a retry. */
const sameMessage = (body: Body) => {
  const rest: Record<string, unknown> = { ...body };
  delete rest.sentAt;
  delete rest.ageSeconds;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
};

async function startDocReceiver(options: { loseFirstAnswers: number }) {
  const seen = new Map<string, string>();
  const requests = new Map<string, Body>();
  const answered: number[] = [];
  let toLose = options.loseFirstAnswers;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, json: object) => {
        answered.push(status);
        // The doc's "answer lost": processed, then the connection drops before the answer arrives.
        if (toLose > 0) {
          toLose -= 1;
          req.socket.destroy();
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      let body: Body;
      try {
        body = new Webhook(testSecret).verify(raw, req.headers as Record<string, string>) as Body;
      } catch {
        return reply(401, { error: 'bad-signature', message: 'no' });
      }
      const id = String(req.headers['webhook-id']);
      const digest = sameMessage(body);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        if (earlier !== digest) return reply(409, { error: 'webhook-id-reused', message: 'another message' });
        return reply(200, { received: true, duplicate: true });
      }
      const duplicate = requests.has(body.request.id);
      if (!duplicate) requests.set(body.request.id, body);
      seen.set(id, digest);
      reply(200, { received: true, duplicate });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests, answered };
}

describe('a receiver that follows the doc literally', () => {
  it('takes a request whose answers were lost twice exactly once, answering each retry as a duplicate, never 409', async () => {
    const receiver = await startDocReceiver({ loseFirstAnswers: 2 });
    const kiosk = track(
      await startKiosk(kioskConfig({ channels: [{ id: 'cad', type: 'webhook', url: receiver.url, secret: testSecret }] })),
    );
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(receiver.answered).toEqual([200, 200, 200]);
    expect([...receiver.requests.keys()]).toEqual([id]);
    expect(kiosk.log.filter((e) => e.message === 'delivery will be retried')).toHaveLength(2);
  });
});

describe('every retried message keeps its webhook-id', () => {
  it('request.updated is sent again under the same webhook-id, and a later update (the closure) under another', async () => {
    const server = track(await startScriptedServer());
    const sender = createDeskSender(
      { id: 'front-desk', type: 'desk', use: 'page', url: server.origin, secret: testSecret },
      { now: Date.now, timeoutMs: 1000, logger: createLogger('test', memorySink()), kioskId: 'K1' },
    );
    const requestId = 'req_Q7d2mX9aLk3PzR8tV1wY6bNc';
    const acknowledgement = { messageKey: 'coming-now' as const, deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString() };
    const update = { type: 'request.updated' as const, version: 1 as const, requestId, acknowledgement };
    const signal = new AbortController().signal;
    await sender.sendUpdate!(update, signal);
    await sender.sendUpdate!(update, signal);
    await sender.sendUpdate!({ ...update, closed: { outcome: 'referred', at: new Date().toISOString(), deskId: 'D1' } }, signal);
    const [first, retry, closure] = server.received.map((r) => r.headers['webhook-id']);
    expect(retry).toBe(first);
    expect(closure).not.toBe(first);
  });
});
