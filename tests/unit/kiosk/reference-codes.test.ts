/**
 * The ids and reference codes a kiosk gives its requests
 * (electron/core/kiosk/identifiers.ts): a code the person can say at the
 * window, never one already in use by an open request, even when almost
 * every code is taken.
 */
import { describe, expect, it } from 'vitest';
import { newReference, newRequestId } from '../../../electron/core/kiosk/identifiers.js';

const code = (n: number) => `K1-${String(n).padStart(4, '0')}`;

describe('reference codes', () => {
  it('are the kiosk id and four digits', () => {
    for (let n = 0; n < 50; n += 1) expect(newReference('K1', new Set())).toMatch(/^K1-\d{4}$/);
  });

  it('never repeat one in use, and find the last free one when all others are taken', () => {
    const taken = new Set(Array.from({ length: 10_000 }, (_, n) => code(n)));
    taken.delete(code(42));
    expect(newReference('K1', taken)).toBe('K1-0042');
    taken.delete(code(9_999));
    taken.add(code(42));
    expect(newReference('K1', taken)).toBe('K1-9999');
  });

  it('are refused with a sentence when every code is in use', () => {
    const taken = new Set(Array.from({ length: 10_000 }, (_, n) => code(n)));
    expect(() => newReference('K1', taken)).toThrow('every reference code of this kiosk is in use by an open request');
  });
});

describe('request ids', () => {
  it('are "req_" and 24 letters or digits, different each time', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^req_[A-Za-z0-9]{24}$/);
  });
});
