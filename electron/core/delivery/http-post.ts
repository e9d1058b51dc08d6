/**
 * One signed POST of the backend-call contract: Standard Webhooks headers, a
 * time limit per attempt, cancelled when the kiosk service closes. Built on
 * node:http/https rather than fetch so a channel's `caFile` (a department's
 * own CA for the desk's certificate) can be trusted for that channel only.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { signMessage, signMessageWithKey, type KeySigner, type VerifyFailure } from '../../../shared/backend/signing.js';
import { parseJsonBody } from '../http/read-body.js';
import { classifyHttpStatus, classifyNetworkError, stopReason, type AttemptResult } from './attempt.js';

export type SignedPost = {
  url: string;
  /** Serialised once: the signature covers exactly these bytes. */
  body: string;
  messageId: string;
  secrets: readonly string[];
  /** Signs with this device's own key (`v1a`) instead of the secrets. */
  signer?: KeySigner;
  /** A PEM file of the CA to trust for this https URL, instead of the system's. */
  caFile?: string;
  /** A desk's certificate pinned at pairing: only this exact certificate is accepted. */
  pin?: CertificatePin;
};

export type CertificatePin = { certPem: string; fingerprint: string };

export type PostDeps = {
  /** The sender's clock: the signature's timestamp, and what a `Retry-After` date is counted from. */
  now: () => number;
  timeoutMs: number;
  /** Aborted when the service closes, so no request outlives it. */
  signal: AbortSignal;
};

export type PostOutcome = {
  result: AttemptResult;
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string | string[] | undefined>;
  /** Why a 2xx answer that had to be signed by the receiver was not believed (contract-client.ts). */
  unsigned?: VerifyFailure;
};

/** An answer larger than this is cut: the contract's answers are a few hundred bytes. */
const maxAnswerBytes = 1024 * 1024;

type Answer = { status: number; retryAfter: string | undefined; text: string; headers: Record<string, string | string[] | undefined> };

/** A receiver's error code (`{ "error": "stale-timestamp" }`), if it sent a short, safe one. */
function errorCode(json: unknown): string | undefined {
  const code = (json as { error?: unknown } | undefined)?.error;
  return typeof code === 'string' && /^[a-z0-9-]{1,40}$/.test(code) ? code : undefined;
}

function readAnswer(res: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxAnswerBytes) chunks.push(chunk);
    });
    res.on('end', () => {
      const retryAfter = res.headers['retry-after'];
      resolve({
        status: res.statusCode ?? 0,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        text: Buffer.concat(chunks).toString('utf8'),
        headers: res.headers,
      });
    });
    // An answer cut off before its end is an 'error' (ECONNRESET, "aborted"), so the promise never hangs.
    res.on('error', reject);
  });
}

/**
 * TLS options for a pinned desk: its own certificate is the only CA, and the
 * fingerprint must match (the desk's certificate names the desk, not the
 * address the kiosk was given, so the host name is not what is checked).
 */
function pinnedTls(pin: CertificatePin) {
  return {
    ca: pin.certPem,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256.replace(/:/g, '').toLowerCase() === pin.fingerprint
        ? undefined
        : Object.assign(new Error('the desk presented a certificate other than the one pinned at pairing'), { code: 'CERT_NOT_PINNED' }),
  };
}

function send(
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  ca: Buffer | undefined,
  pin: CertificatePin | undefined,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const trust = pin ? pinnedTls(pin) : ca ? { ca } : {};
    const options = { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal, ...trust };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => readAnswer(res).then(resolve, reject));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends one signed message and classifies the answer. Never throws: network
 * failures and timeouts come back as `retry`. The reason is safe to log (a
 * status and the receiver's error code, never a body).
 */
export async function postSigned(message: SignedPost, deps: PostDeps): Promise<PostOutcome> {
  // The PEM's bytes as they are: TLS reads them as well as text.
  let ca: Buffer | undefined;
  if (message.caFile) {
    try {
      ca = await readFile(message.caFile);
    } catch {
      return { result: { outcome: 'permanent', reason: 'caFile cannot be read' } };
    }
  }
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'lobby-kiosk/1',
    ...(message.signer
      ? signMessageWithKey(message.signer, message.messageId, message.body, new Date(deps.now()))
      : signMessage(message.secrets, message.messageId, message.body, new Date(deps.now()))),
  };
  const timeout = AbortSignal.timeout(deps.timeoutMs);
  try {
    const url = new URL(message.url);
    if (message.pin && url.protocol !== 'https:')
      return { result: { outcome: 'permanent', reason: 'a paired desk must be reached over https' } };
    const answer = await send(url, headers, message.body, AbortSignal.any([deps.signal, timeout]), ca, message.pin);
    // An empty or non-JSON answer has no JSON (a 200 with no body is still delivered).
    const parsed = parseJsonBody(answer.text);
    const json = parsed.ok ? parsed.value : undefined;
    const result = classifyHttpStatus(answer.status, answer.retryAfter, deps.now());
    if (result.outcome !== 'delivered') {
      const code = errorCode(json);
      if (code) result.reason = `${result.reason} ${code}`;
    }
    return { result, status: answer.status, json, text: answer.text, headers: answer.headers };
  } catch (error) {
    // node:http reports any abort as AbortError; say which one it was (the service closing is not a slow receiver).
    const stopped = stopReason(deps.signal, timeout);
    return { result: stopped ? { outcome: 'retry', reason: stopped } : classifyNetworkError(error) };
  }
}
