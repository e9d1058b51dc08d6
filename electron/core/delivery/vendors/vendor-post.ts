/**
 * One POST to a vendor's API: a time limit for the attempt, cancelled with
 * the caller's signal, the answer read in full (and capped) so the socket is
 * freed. Vendors classify the answer themselves, because each has its quirks.
 */
import { classifyNetworkError, isTimeoutReason, type AttemptResult, type PageMessage, type PageSender } from '../attempt.js';
import type { VendorDeps } from './vendor-deps.js';

export type VendorRequest = {
  /** May itself be a secret (Teams, Slack): never logged, never put in a reason. */
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
};

export type VendorAnswer = { status: number; retryAfter: string | null; body: string };

/** Error bodies are short; anything longer is not worth keeping in memory. */
const maxBodyChars = 8192;

/**
 * Sends the request once. Network failures, resets and timeouts come back as
 * a `retry` result instead of an answer; it never throws.
 */
export async function postToVendor(request: VendorRequest): Promise<VendorAnswer | { failed: AttemptResult }> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'user-agent': 'lobby-kiosk/1', ...request.headers },
      body: request.body,
      signal: request.signal,
      // A webhook that moved is a configuration problem: report the 3xx (permanent) rather than follow it.
      redirect: 'manual',
    });
    const body = (await response.text()).slice(0, maxBodyChars);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch (error) {
    return {
      failed:
        request.signal.aborted && !isTimeoutReason(request.signal.reason)
          ? { outcome: 'retry', reason: 'aborted' }
          : classifyNetworkError(error),
    };
  }
}

/** The caller's signal plus the attempt's own time limit. */
export function attemptSignal(signal: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
}

/** A short token from a vendor's error body, if it looks like one ("channel_not_found"); never free text. */
export function safeToken(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value) ? value : undefined;
}

/**
 * A sender for a vendor webhook that takes one JSON document per page (Teams,
 * Slack): the vendor decides the payload and how to read its answer.
 */
export function jsonWebhookSender(options: {
  channel: { id: string; url: string };
  deps: VendorDeps;
  payload(message: PageMessage): unknown;
  classify(answer: VendorAnswer, now: number): AttemptResult;
}): PageSender {
  const { channel, deps } = options;
  return {
    channelId: channel.id,
    async send(message, signal) {
      const answer = await postToVendor({
        url: channel.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.payload(message)),
        signal: attemptSignal(signal, deps.timeoutMs),
      });
      return 'failed' in answer ? answer.failed : options.classify(answer, deps.now());
    },
  };
}
