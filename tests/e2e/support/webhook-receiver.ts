/**
 * A department's webhook receiver on 127.0.0.1, as the backend contract
 * describes one (docs/backend-contract.md): it checks each Standard Webhooks
 * signature and reads `request.created`. It counts what arrives at the wire,
 * per request id, so a test can tell how often a kiosk really sent a request
 * however a receiver downstream would de-duplicate it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { verifyMessage } from '../../../shared/backend/signing.js';

/** One signed `request.created` that reached the receiver, and the status it was answered with. */
export type Arrival = { requestId: string; status: number };

export type WebhookReceiver = {
  /** The channel's `url` for the kiosk config. */
  url: string;
  /** Every signed `request.created` in the order it arrived. */
  arrivals: Arrival[];
  /** Bodies that failed the signature check or the contract: none is expected. */
  refused: string[];
  /** While down, signed requests are answered 503, as a backend in an outage would. */
  setDown(down: boolean): void;
  close(): Promise<void>;
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const arrivals: Arrival[] = [];
  const refused: string[] = [];
  let down = false;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const answer = (status: number, json: object) => {
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      };
      const verified = verifyMessage([secret], body, req.headers);
      const parsed = verified.ok ? requestCreatedSchema.safeParse(parseJson(body)) : undefined;
      if (!verified.ok || !parsed?.success) {
        refused.push(verified.ok ? 'not a request.created' : verified.reason);
        answer(400, { error: 'refused', message: 'not a signed request.created' });
        return;
      }
      const requestId = parsed.data.request.id;
      if (down) {
        arrivals.push({ requestId, status: 503 });
        answer(503, { error: 'unavailable', message: 'the backend is down' });
        return;
      }
      const duplicate = arrivals.some((a) => a.requestId === requestId && a.status === 200);
      arrivals.push({ requestId, status: 200 });
      answer(200, { received: true, duplicate });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lobby/v1/requests`,
    arrivals,
    refused,
    setDown: (next) => {
      down = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
