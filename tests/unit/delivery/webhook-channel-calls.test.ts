/**
 * What a `webhook` channel (electron/core/delivery/webhook-channel.ts) sends a
 * department backend besides the request: the status query names this kiosk
 * and the requests it asks about, signed with the channel secret, and the
 * heartbeat comes every `heartbeatSeconds` seconds.
 */
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { verifyMessage } from '../../../shared/backend/signing.js';
import { channelSchema } from '../../../shared/config.js';
import { createWebhookSender } from '../../../electron/core/delivery/webhook-channel.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();
const secret = `whsec_${Buffer.alloc(32, 31).toString('base64')}`;

function webhookChannel(extra: Record<string, unknown>) {
  const channel = channelSchema.parse({ id: 'cad', type: 'webhook', url: 'http://127.0.0.1:9/hook', secret, ...extra });
  if (channel.type !== 'webhook') throw new Error('not a webhook');
  return createWebhookSender(channel, { now: Date.now, timeoutMs: 2000, logger: createLogger('t', memorySink()), kioskId: 'K7' });
}

describe('a webhook channel', () => {
  it('asks its statusUrl about the given requests in a signed status.query naming this kiosk', async () => {
    const received: Array<{ body: string; verified: boolean }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ body, verified: verifyMessage([secret], body, req.headers).ok });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const statusUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/status`;

    const sender = webhookChannel({ statusUrl });
    await sender.askStatus?.(['req_abcdefghijklmnop', 'req_qrstuvwxyzabcdef'], new AbortController().signal);

    expect(received.map((r) => r.verified)).toEqual([true]);
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({
      type: 'status.query',
      kioskId: 'K7',
      requestIds: ['req_abcdefghijklmnop', 'req_qrstuvwxyzabcdef'],
    });
  });

  it('sends heartbeats every heartbeatSeconds seconds, and none without it', () => {
    expect(webhookChannel({ heartbeatSeconds: 45 }).heartbeatEveryMs).toBe(45_000);
    expect(webhookChannel({}).heartbeatEveryMs).toBeUndefined();
  });
});
