/**
 * A kiosk's side of the backend-call contract, for tests: builds messages
 * and POSTs them signed (or deliberately mis-signed) to a desk receiver.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Heartbeat, RequestCreated, RequestUpdated, StatusQuery } from '../../../../shared/backend/messages.js';
import { signMessage } from '../../../../shared/backend/signing.js';

/** The old demo secret: the desk harness configures it as a loopback-only secret (shipped configs hold none now). */
export const shippedSecret = 'whsec_XG7kUGhidITab/OL0jCihAZj69LoP0ejBBOnbeIN0cY=';
export const otherSecret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

export const newRequestId = () => `req_${randomBytes(10).toString('hex')}`;
export const newMessageId = () => `msg_${randomBytes(8).toString('hex')}`;

export function requestCreated(overrides: Partial<RequestCreated['request']> = {}): RequestCreated {
  return {
    type: 'request.created',
    version: 1,
    sentAt: new Date().toISOString(),
    request: {
      id: newRequestId(),
      reference: 'K1-4821',
      program: 'Safe Passage',
      agency: "Lee's Summit Police Department",
      kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
      priority: 'normal',
      kind: 'help-self',
      language: 'en',
      turningIn: false,
      dangerNow: false,
      firstName: 'Marisol',
      createdAt: new Date().toISOString(),
      ...overrides,
    },
  };
}

export const statusQuery = (requestIds: string[], kioskId = 'K1'): StatusQuery => ({
  type: 'status.query',
  version: 1,
  sentAt: new Date().toISOString(),
  kioskId,
  requestIds,
});

export const heartbeat = (kioskId = 'K1', outboxDepth = 0, failedDeliveries = 0): Heartbeat => ({
  type: 'kiosk.heartbeat',
  version: 1,
  sentAt: new Date().toISOString(),
  kiosk: { id: kioskId, location: `Lobby kiosk ${kioskId}` },
  outboxDepth,
  failedDeliveries,
});

export const requestUpdated = (requestId: string, update: Pick<RequestUpdated, 'acknowledgement' | 'closed'>): RequestUpdated => ({
  type: 'request.updated',
  version: 1,
  sentAt: new Date().toISOString(),
  requestId,
  ...update,
});

export type PostOptions = {
  secrets?: string[];
  messageId?: string;
  /** When the message is signed (the receiver checks it against the real clock). */
  signedAt?: Date;
  contentType?: string;
  method?: string;
  /** Replaces the signed body after signing (tampering). */
  sendBody?: string;
  headers?: Record<string, string>;
  /** For an https:// receiver: the certificate to trust. */
  ca?: string;
  /** Accept any certificate (an attacker on the LAN does not care whom it talks to). */
  anyCertificate?: boolean;
};

export type Answer = { status: number; json: Record<string, unknown>; headers?: Record<string, string | string[] | undefined> };
export type AnswerWithHeaders = Answer & { headers: Record<string, string | string[] | undefined> };

/** POSTs a signed body (an object is sent as JSON, a string as is) and reads the JSON answer. */
export async function post(url: string, body: object | string, options: PostOptions = {}): Promise<Answer> {
  const { status, json, headers } = await postReadingHeaders(url, body, options);
  // Only when the answer asks the sender to wait, so the many exact `toEqual` checks stay as they are.
  return { status, json, ...(headers['retry-after'] ? { headers: { 'retry-after': headers['retry-after'] } } : {}) };
}

/** Like post, with the answer's headers too (Retry-After). */
export function postReadingHeaders(url: string, body: object | string, options: PostOptions = {}): Promise<AnswerWithHeaders> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const signed = signMessage(options.secrets ?? [shippedSecret], options.messageId ?? newMessageId(), text, options.signedAt ?? new Date());
  const payload = options.sendBody ?? text;
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': options.contentType ?? 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      ...signed,
      ...options.headers,
    };
    const method = options.method ?? 'POST';
    const req = url.startsWith('https:')
      ? httpsRequest(url, { method, headers, ca: options.ca, ...(options.anyCertificate ? { rejectUnauthorized: false } : {}) })
      : httpRequest(url, { method, headers });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}
