/**
 * The first name's life in the kiosk (./first-names.ts) and how reference
 * codes are drawn: a name kept in memory is forgotten when told; a sealed
 * name without a key on this machine is simply not revealed; one that no
 * longer opens is logged as such; and codes are drawn at random, not
 * handed out in order.
 */
import { describe, expect, it } from 'vitest';
import { createFirstNames } from '../../../electron/core/kiosk/first-names.js';
import { newReference } from '../../../electron/core/kiosk/identifiers.js';
import { initialChannels } from '../../../electron/core/kiosk/channel-states.js';
import { newRecord } from '../../../electron/core/kiosk/new-record.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { createKeyCipher } from '../../../electron/core/node-platform.js';
import { sampleInput } from './support/kiosk-harness.js';

const recordWith = () =>
  newRecord(sampleInput(), { kioskId: 'K1', seq: 0, taken: new Set(), now: Date.now(), channels: initialChannels([]) });

describe('first names', () => {
  it('without a cipher: kept in memory, not in the record, and gone once forgotten', () => {
    const names = createFirstNames(undefined, createLogger('test', memorySink()));
    const record = recordWith();
    expect(names.keep(record.id, 'Maya')).toBeUndefined();
    expect(names.reveal(record)).toBe('Maya');
    names.forget(record.id);
    expect(names.reveal(record)).toBeUndefined();
  });

  it('a visit without a name keeps nothing', () => {
    const names = createFirstNames(createKeyCipher(Buffer.alloc(32, 1)), createLogger('test', memorySink()));
    expect(names.keep('req_AAAAAAAAAAAAAAAAAAAAAAAA', undefined)).toBeUndefined();
    expect(names.keep('req_AAAAAAAAAAAAAAAAAAAAAAAA', '')).toBeUndefined();
  });

  it('a sealed name on a machine with no key now is not revealed, and nothing claims it failed to decrypt', () => {
    const sealed = createFirstNames(createKeyCipher(Buffer.alloc(32, 1)), createLogger('test', memorySink()));
    const record = recordWith();
    const stored = { ...record, sealedFirstName: sealed.keep(record.id, 'Maya') };
    expect(stored.sealedFirstName).toMatch(/\S/);
    const sink = memorySink();
    const keyless = createFirstNames(undefined, createLogger('test', sink));
    expect(keyless.reveal(stored)).toBeUndefined();
    expect(sink.entries).toEqual([]);
  });

  it('a sealed name that no longer opens (another key) is logged as a warning without the name', () => {
    const first = createFirstNames(createKeyCipher(Buffer.alloc(32, 1)), createLogger('test', memorySink()));
    const record = recordWith();
    const stored = { ...record, sealedFirstName: first.keep(record.id, 'Maya') };
    const sink = memorySink();
    const other = createFirstNames(createKeyCipher(Buffer.alloc(32, 2)), createLogger('test', sink));
    expect(other.reveal(stored)).toBeUndefined();
    expect(sink.entries.map((e) => [e.level, e.message, e.fields])).toEqual([
      ['warn', 'first name could not be decrypted; delivering without it', { requestId: record.id, reason: 'decrypt-failed' }],
    ]);
    expect(JSON.stringify(sink.entries)).not.toContain('Maya');
  });
});

describe('reference codes are drawn at random', () => {
  it('twenty codes drawn with none taken are not all the same first free code', () => {
    const codes = new Set(Array.from({ length: 20 }, () => newReference('K1', new Set())));
    expect(codes.size).toBeGreaterThan(1);
  });
});
