/**
 * A department backend written from docs/backend-contract.md's "Signed
 * answers" alone: the `standardwebhooks` package, and the answer headers
 * exactly as the page's JavaScript example sets them. The real kiosk, with
 * `signedAnswers: true`, believes its receipt and its acknowledgement.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { signedWebhook } from './support/unbelieved-answers.js';

const track = closeAfterEach();
const acknowledgement = { messageKey: 'come-to-window', deskId: 'CAD', deskName: 'Dispatch', at: new Date().toISOString() };

async function startDocBackend(secret: string) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let message: { type: string; requestIds?: string[] };
      try {
        message = new Webhook(secret).verify(raw, request.headers as Record<string, string>) as typeof message;
      } catch {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad-signature","message":"no"}');
        return;
      }
      const answer =
        message.type === 'status.query'
          ? { requests: (message.requestIds ?? []).map((id) => ({ id, state: 'acknowledged', acknowledgement })) }
          : message.type === 'request.created'
            ? { received: true, duplicate: false }
            : { ok: true };
      // From here on, the page's example, as written.
      const answerId = `ans_${request.headers['webhook-id']}`;
      const at = new Date();
      const body = JSON.stringify(answer);
      response.writeHead(200, {
        'content-type': 'application/json',
        'webhook-id': answerId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(answerId, at, body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  track({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('a backend that signs its answers as docs/backend-contract.md shows', () => {
  it('is believed by a kiosk with signedAnswers: the request is delivered, then acknowledged', async () => {
    const origin = await startDocBackend(testSecret);
    const kiosk = track(await startKiosk(kioskConfig({ channels: [signedWebhook(origin)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    const view = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(view.acknowledgement).toEqual(acknowledgement);
  });
});
