/**
 * When two attempts carry "the same message" (messageDigest in
 * electron/core/desk/receiver/message-digest.ts): what a retry may change
 * (its sentAt and ageSeconds) and nothing else, whatever the order of keys.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messageDigest } from '../../../electron/core/desk/receiver/message-digest.js';

const message = {
  type: 'request.created',
  version: 1,
  sentAt: '2030-01-01T12:00:00.000Z',
  ageSeconds: 1.5,
  request: { id: 'req_a', kiosk: { id: 'K1', location: 'Lobby' }, createdAt: '2030-01-01T11:59:58.500Z', tags: ['a', 'b'] },
};

describe('the digest of a message', () => {
  it('is the same for a retry with another sentAt and ageSeconds, or none', () => {
    const bare: Partial<typeof message> = { ...message };
    delete bare.sentAt;
    delete bare.ageSeconds;
    expect(messageDigest({ ...message, sentAt: '2030-01-01T12:00:07.000Z', ageSeconds: 8.5 })).toBe(messageDigest(message));
    expect(messageDigest(bare)).toBe(messageDigest(message));
  });

  it('does not depend on the order of keys, at any depth', () => {
    const reordered = {
      request: { tags: ['a', 'b'], createdAt: message.request.createdAt, kiosk: { location: 'Lobby', id: 'K1' }, id: 'req_a' },
      ageSeconds: 1.5,
      version: 1,
      type: 'request.created',
      sentAt: message.sentAt,
    };
    expect(messageDigest(reordered)).toBe(messageDigest(message));
  });

  it('differs for any other change: a value, a nested sentAt, the order of a list, a null', () => {
    const digest = messageDigest(message);
    const changed = [
      { ...message, version: 2 },
      { ...message, request: { ...message.request, id: 'req_b' } },
      { ...message, request: { ...message.request, sentAt: 'nested fields are the message' } },
      { ...message, request: { ...message.request, tags: ['b', 'a'] } },
      { ...message, request: { ...message.request, kiosk: null } },
      { ...message, extra: 'x' },
      { ...message, request: { ...message.request, tags: { 0: 'a', 1: 'b' } } },
      { ...message, request: { ...message.request, tags: [{ sentAt: 'in a list, part of the message' }] } },
    ];
    for (const other of changed) expect(messageDigest(other), JSON.stringify(other)).not.toBe(digest);
    expect(new Set(changed.map(messageDigest)).size).toBe(changed.length);
    const listed = (sentAt: string) => ({ ...message, request: { ...message.request, tags: [{ sentAt }] } });
    expect(messageDigest(listed('a'))).not.toBe(messageDigest(listed('b')));
  });

  it('is the digest the desk has always stored, so a remembered id still matches after an update', () => {
    expect(messageDigest({ b: 1, a: [{ d: null, c: 'x' }], sentAt: 'dropped' })).toBe(
      createHash('sha256').update('{"a":[{"c":"x","d":null}],"b":1}').digest('base64url'),
    );
  });

  it('is short text safe in a file and a URL', () => {
    expect(messageDigest(message)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
