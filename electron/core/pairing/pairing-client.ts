/**
 * The HTTPS calls of pairing, from the kiosk (or a second desk). Before the
 * desk's certificate is pinned nothing can vouch for it, so the first call
 * accepts any certificate and reports which one it saw; every later call of
 * the same pairing must see that same certificate, and the comparison code
 * the administrator checks covers its fingerprint.
 */
import { request, type RequestOptions } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { certificateFingerprint } from '../identity/fingerprint.js';

export type SeenCertificate = { certPem: string; fingerprint: string };
export type PairingReply = { status: number; json: unknown; certificate: SeenCertificate };

/** "192.168.1.20:4790", "desk.local" or "https://…/lobby/v1" → "https://host:port/lobby/v1". */
export function receiverUrlOf(address: string, defaultPort = 4790): string {
  const trimmed = address.trim();
  const withScheme = /^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = new URL(withScheme);
  if (url.protocol !== 'https:') throw new Error('pairing runs over https only');
  if (!url.port) url.port = String(defaultPort);
  return `https://${url.host}/lobby/v1`;
}

function pemOf(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${
    der
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? ''
  }\n-----END CERTIFICATE-----\n`;
}

/** POSTs JSON; refuses a certificate other than `expect` when given. Rejects on network errors and timeouts. */
export function pairingPost(url: string, body: object, options: { expect?: string; timeoutMs?: number } = {}): Promise<PairingReply> {
  const text = JSON.stringify(body);
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) },
    // Checked below by fingerprint: the pin, not a CA, is what this exchange trusts.
    rejectUnauthorized: false,
    agent: false,
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  };
  return new Promise((resolve, reject) => {
    const req = request(url, requestOptions, (res) => {
      const raw = (res.socket as TLSSocket).getPeerCertificate().raw;
      const certPem = pemOf(raw);
      const certificate = { certPem, fingerprint: certificateFingerprint(certPem) };
      if (options.expect && certificate.fingerprint !== options.expect) {
        res.destroy();
        reject(Object.assign(new Error('the desk presented a different certificate during pairing'), { code: 'CERT_CHANGED' }));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, certificate });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}
