/**
 * How one answer is classified (electron/core/delivery/attempt.ts): every
 * sender (desk, webhook, Teams, Slack, Twilio) goes through these, so their
 * edges are pinned here once.
 */
import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, classifyNetworkError, parseRetryAfter } from '../../../electron/core/delivery/attempt.js';

const now = Date.UTC(2030, 0, 1, 12, 0, 0);

describe('Retry-After', () => {
  it('reads whole seconds, with spaces around them', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 7 ', now)).toBe(7_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time until then, and a date already past as no wait', () => {
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter(` ${new Date(now + 5_000).toUTCString()} `, now)).toBe(5_000);
    expect(parseRetryAfter(new Date(now - 90_000).toUTCString(), now)).toBe(0);
  });

  it('is nothing when absent or unreadable, also when digits come with other text', () => {
    for (const header of [undefined, null, '', 'soon', '12abc', 'abc12']) {
      expect(parseRetryAfter(header, now), String(header)).toBeUndefined();
    }
  });
});

describe('an HTTP answer', () => {
  it('is delivered for 2xx only', () => {
    for (const status of [200, 201, 202, 204, 299]) expect(classifyHttpStatus(status, undefined, now)).toEqual({ outcome: 'delivered' });
    for (const status of [100, 199, 300, 304]) expect(classifyHttpStatus(status, undefined, now).outcome).not.toBe('delivered');
  });

  it('is worth retrying for 408, 425, 429 and 5xx, with the wait asked for only when one was given', () => {
    for (const status of [408, 425, 429, 500, 503, 599])
      expect(classifyHttpStatus(status, undefined, now)).toStrictEqual({ outcome: 'retry', reason: `HTTP ${status}` });
    expect(classifyHttpStatus(429, '3', now)).toStrictEqual({ outcome: 'retry', reason: 'HTTP 429', retryAfterMs: 3_000 });
    expect(classifyHttpStatus(503, 'tomorrow', now)).toStrictEqual({ outcome: 'retry', reason: 'HTTP 503' });
  });

  it('is permanent for any other 4xx, whatever Retry-After says', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 413, 422, 426, 499])
      expect(classifyHttpStatus(status, '5', now)).toStrictEqual({ outcome: 'permanent', reason: `HTTP ${status}` });
  });
});

describe('a network failure', () => {
  it('is always retried, named by its code (or its cause’s), by "timeout" for an abort, else "network error"', () => {
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({
      outcome: 'retry',
      reason: 'ECONNREFUSED',
    });
    const fetchFailure = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    expect(classifyNetworkError(fetchFailure)).toEqual({ outcome: 'retry', reason: 'ENOTFOUND' });
    expect(classifyNetworkError(new DOMException('aborted', 'AbortError'))).toEqual({ outcome: 'retry', reason: 'timeout' });
    expect(classifyNetworkError(new DOMException('timed out', 'TimeoutError'))).toEqual({ outcome: 'retry', reason: 'timeout' });
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 42 }))).toEqual({ outcome: 'retry', reason: 'network error' });
    expect(classifyNetworkError(new Error('x'))).toEqual({ outcome: 'retry', reason: 'network error' });
    for (const thrown of [null, undefined, 'ECONNRESET', 42])
      expect(classifyNetworkError(thrown), String(thrown)).toEqual({ outcome: 'retry', reason: 'network error' });
  });
});
