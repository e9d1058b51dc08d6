/**
 * The rules a record's channel states decide (./request-record.ts): it is
 * delivered once any channel took it; failed only when nothing took it and
 * every page channel gave up (escalation channels do not count); failing is
 * the fallback's cue at once; and an answer can still come while a channel
 * that can report one has not failed. A stored file is read back only when
 * it follows the schema.
 */
import { describe, expect, it } from 'vitest';
import { initialChannels } from '../../../electron/core/kiosk/channel-states.js';
import { newRecord } from '../../../electron/core/kiosk/new-record.js';
import {
  answerable,
  parseRecord,
  settleDelivery,
  type ChannelState,
  type RequestRecord,
} from '../../../electron/core/kiosk/request-record.js';
import { sampleInput } from './support/kiosk-harness.js';

const page = (created: ChannelState['created'], answers?: boolean): ChannelState => ({
  use: 'page',
  created,
  update: 'none',
  ...(answers === undefined ? {} : { answers }),
});
const escalation = (created: ChannelState['created']): ChannelState => ({ use: 'escalation', created, update: 'none', answers: false });

const recordWith = (channels: Record<string, ChannelState>, changes: Partial<RequestRecord> = {}): RequestRecord => ({
  ...newRecord(sampleInput(), { kioskId: 'K1', seq: 0, taken: new Set(), now: Date.now(), channels: initialChannels([]) }),
  channels,
  ...changes,
});

const settled = (record: RequestRecord) => {
  settleDelivery(record);
  return { phase: record.phase, failed: record.failed, late: record.late };
};

describe('settling delivery', () => {
  it('is delivered once any channel took it, even if another failed', () => {
    expect(settled(recordWith({ a: page('failed'), b: page('delivered') }))).toEqual({ phase: 'delivered', failed: false, late: false });
  });

  it('fails only when every page channel gave up, and then shows the fallback at once', () => {
    expect(settled(recordWith({ a: page('failed'), b: page('pending') }))).toEqual({ phase: 'captured', failed: false, late: false });
    expect(settled(recordWith({ a: page('failed'), b: page('failed') }))).toEqual({ phase: 'captured', failed: true, late: true });
  });

  it('does not count escalation channels: with no page channel, a failed escalation is not a failed request', () => {
    expect(settled(recordWith({ s: escalation('failed') }))).toEqual({ phase: 'captured', failed: false, late: false });
    expect(settled(recordWith({ a: page('failed'), s: escalation('pending') }))).toMatchObject({ failed: true });
  });

  it('leaves an answered request in its phase', () => {
    expect(settled(recordWith({ a: page('delivered') }, { phase: 'acknowledged' }))).toMatchObject({ phase: 'acknowledged' });
  });

  it('a request that failed and is delivered later is no longer failed', () => {
    const record = recordWith({ a: page('failed'), b: page('failed') });
    settleDelivery(record);
    record.channels.b = page('delivered');
    expect(settled(record)).toMatchObject({ phase: 'delivered', failed: false });
  });
});

describe('whether an answer can still come', () => {
  it('yes while a channel that reports answers has not failed; records from before contract 1.1 are assumed to report', () => {
    expect(answerable(recordWith({ a: page('delivered', true) }))).toBe(true);
    expect(answerable(recordWith({ a: page('pending') }))).toBe(true);
    expect(answerable(recordWith({ a: page('delivered', false) }))).toBe(false);
    expect(answerable(recordWith({ a: page('failed', true), b: page('delivered', false) }))).toBe(false);
  });
});

describe('reading a stored record', () => {
  it('accepts one that follows the schema and refuses one that does not', () => {
    const record = recordWith({ a: page('delivered', true) });
    expect(parseRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(parseRecord({ ...record, id: 'req_a/../../x' })).toBeUndefined();
    expect(parseRecord({ ...record, channels: { a: { ...page('delivered'), reason: 'x'.repeat(121) } } })).toBeUndefined();
  });
});
