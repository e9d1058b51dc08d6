/**
 * A department backend that reports acknowledgements through a webhook
 * channel's statusUrl signs its answers with the channel secret (Standard
 * Webhooks headers on the response); an unsigned or wrongly signed answer
 * changes nothing on the kiosk.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { signMessage } from '../../../shared/backend/signing.js';
import { channelSchema } from '../../../shared/config.js';
import { createWebhookSender } from '../../../electron/core/delivery/webhook-channel.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();
const secret = `whsec_${Buffer.alloc(32, 21).toString('base64')}`;
const otherSecret = `whsec_${Buffer.alloc(32, 22).toString('base64')}`;
const requestId = 'req_abcdefghijklmnop';
const answer = JSON.stringify({
  requests: [
    {
      id: requestId,
      state: 'acknowledged',
      acknowledgement: { messageKey: 'coming-now', deskId: 'CAD', deskName: 'Dispatch', at: new Date().toISOString() },
    },
  ],
});

async function backend(signWith: string | undefined): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers = signWith ? signMessage([signWith], 'msg_answer_1', answer, new Date()) : {};
      res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/status`;
}

async function ask(statusUrl: string) {
  const sink = memorySink();
  const channel = channelSchema.parse({ id: 'cad', type: 'webhook', url: 'http://127.0.0.1:9/hook', statusUrl, secret });
  if (channel.type !== 'webhook') throw new Error('not a webhook');
  const sender = createWebhookSender(channel, { now: Date.now, timeoutMs: 2000, logger: createLogger('t', sink), kioskId: 'K1' });
  const result = await sender.askStatus!([requestId], new AbortController().signal);
  return { result, logs: sink.entries };
}

describe('acknowledgements from a department backend', () => {
  it('are believed when the answer is signed with the channel secret', async () => {
    const { result } = await ask(await backend(secret));
    expect(result?.requests[0]?.acknowledgement?.deskName).toBe('Dispatch');
  });

  it('are ignored, and logged, when the answer is unsigned or signed with another secret', async () => {
    for (const signer of [undefined, otherSecret]) {
      const { result, logs } = await ask(await backend(signer));
      expect(result).toBeUndefined();
      expect(logs.map((e) => e.message)).toContain('status answer is not signed by the backend; ignored');
    }
  });
});
