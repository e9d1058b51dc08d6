/**
 * One delivery attempt on one channel, and how its answer is classified
 * (DESIGN.md, Delivery): 2xx is delivered; 408, 425, 429, 5xx, connection
 * errors and timeouts are worth retrying (honouring Retry-After); any other
 * 4xx is permanent: recorded, alerted, fallback shown.
 */
import type { Priority } from '../../../shared/request.js';

/**
 * What a message that leaves the building may say: no personal data.
 * "Safe Passage request at Lobby kiosk 1 (ref K1-4821). See the desk console."
 */
export type PageMessage = {
  program: string;
  agency: string;
  kioskId: string;
  kioskLocation: string;
  reference: string;
  priority: Priority;
  /** ISO time the request was captured. */
  createdAt: string;
  /** True when this page is an escalation: not acknowledged in time. */
  escalation: boolean;
  /** A test page sent from the admin screen: every channel's words say TEST, and nobody is waiting. */
  test?: boolean;
};

export type AttemptResult =
  { outcome: 'delivered' } | { outcome: 'retry'; reason: string; retryAfterMs?: number } | { outcome: 'permanent'; reason: string };

/** A channel that can carry a page: one attempt per call; the outbox decides about retries. */
export type PageSender = {
  readonly channelId: string;
  send(message: PageMessage, signal: AbortSignal): Promise<AttemptResult>;
};

const retryableStatuses = new Set([408, 425, 429]);

/**
 * Retry-After as milliseconds: either delay-seconds or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Classifies an HTTP answer. `reason` is safe to log: a status code, never a body. */
export function classifyHttpStatus(status: number, retryAfter: string | null | undefined, now: number): AttemptResult {
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  const reason = `HTTP ${status}`;
  if (retryableStatuses.has(status) || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { outcome: 'retry', reason } : { outcome: 'retry', reason, retryAfterMs };
  }
  return { outcome: 'permanent', reason };
}

/** True for the reason an `AbortSignal.timeout` gives when its time runs out. */
export function isTimeoutReason(reason: unknown): boolean {
  return (reason as { name?: unknown } | null | undefined)?.name === 'TimeoutError';
}

/**
 * Why an attempt stopped before an answer: `timeout` when its own time limit
 * ran out or the caller's did (the admin's test page gives its attempt an
 * `AbortSignal.timeout`, which may fire first), `aborted` when the caller
 * cancelled it (the service closing); undefined when neither signal fired.
 */
export function stopReason(caller: AbortSignal, ownLimit: AbortSignal): 'timeout' | 'aborted' | undefined {
  if (caller.aborted) return isTimeoutReason(caller.reason) ? 'timeout' : 'aborted';
  return ownLimit.aborted ? 'timeout' : undefined;
}

/** Connection refused or reset, DNS failure, timeout: the network, not the receiver's verdict. Always retried. */
export function classifyNetworkError(error: unknown): AttemptResult {
  // Anything can be thrown; a null or a string has no code and must not make the classifier throw.
  const failure = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    name?: unknown;
    cause?: { code?: unknown };
  };
  const code = failure.cause?.code ?? failure.code;
  const name = failure.name;
  const reason = name === 'AbortError' || name === 'TimeoutError' ? 'timeout' : typeof code === 'string' ? code : 'network error';
  return { outcome: 'retry', reason };
}
