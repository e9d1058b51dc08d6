/**
 * The words a call's refusal carries (shared/dispatch.ts) and the exact
 * statements a desk signs (shared/backend/statements.ts): both are read by
 * other machines and people, so their shape is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { ackStatement, answerClockToleranceMs, closeStatement, datedBeforeRequest } from '../../../shared/backend/statements.js';
import { CallRefused } from '../../../shared/call-result.js';
import type { CallHandlers } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import { signMessage, verifyMessage } from '../../../shared/backend/signing.js';

const noErrors = () => undefined;
const handlers = (table: Record<string, (input: unknown) => unknown>) => table as unknown as CallHandlers;

describe('a call dispatched', () => {
  it('that is not in the contract is named in the refusal, as text and cut to 60 characters', async () => {
    expect(await dispatchCall(handlers({}), 42, {}, noErrors)).toStrictEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'unknown call: 42' },
    });
    const long = `x.${'y'.repeat(100)}`;
    expect(await dispatchCall(handlers({}), long, {}, noErrors)).toStrictEqual({
      ok: false,
      error: { code: 'unknown-call', message: `unknown call: ${long.slice(0, 60)}` },
    });
  });

  it('that this side does not answer is refused as unknown, by name', async () => {
    expect(await dispatchCall(handlers({}), 'request.get', { id: 'req_1' }, noErrors)).toStrictEqual({
      ok: false,
      error: { code: 'unknown-call', message: 'unknown call: request.get' },
    });
  });

  it('with input that is not an object names "(input)", and several issues are joined with "; "', async () => {
    const whole = await dispatchCall(handlers({}), 'request.get', 'req_1', noErrors);
    expect(whole.ok === false && whole.error.issues?.map((issue) => issue.path)).toEqual(['(input)']);
    expect(whole.ok === false && whole.error.message).toMatch(/^request\.get: \(input\): /);

    const two = await dispatchCall(handlers({}), 'request.get', { id: '', extra: 1 }, noErrors);
    expect(two.ok === false && two.error.issues).toHaveLength(2);
    expect(two.ok === false && two.error.message).toBe(
      `request.get: ${two.ok === false ? (two.error.issues ?? []).map((issue) => issue.message).join('; ') : ''}`,
    );
    expect(two.ok === false && two.error.message.split('; ')).toHaveLength(2);
  });

  it('refused without a reason carries no reason field at all', async () => {
    const refusing = handlers({
      'request.get': () => {
        throw new CallRefused('that request is closed');
      },
    });
    expect(await dispatchCall(refusing, 'request.get', { id: 'req_1' }, noErrors)).toStrictEqual({
      ok: false,
      error: { code: 'refused', message: 'that request is closed' },
    });
  });
});

describe('what a desk signs', () => {
  it('is a tagged JSON list, one tag for an acknowledgement and another for a closure', () => {
    const at = '2026-11-30T10:00:00.000Z';
    expect(ackStatement('req_1', { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at })).toBe(
      JSON.stringify(['lobby-ack-v1', 'req_1', 'coming-now', 'D1', 'Front desk', at]),
    );
    expect(closeStatement('req_1', { outcome: 'referred', deskId: 'D1', at })).toBe(
      JSON.stringify(['lobby-close-v1', 'req_1', 'referred', 'D1', at]),
    );
  });

  it('counts an answer as dated before the request only beyond the clock tolerance, to the millisecond', () => {
    const created = Date.parse('2026-11-30T10:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(datedBeforeRequest(iso(created - answerClockToleranceMs), iso(created))).toBe(false);
    expect(datedBeforeRequest(iso(created - answerClockToleranceMs - 1), iso(created))).toBe(true);
  });
});

describe('a signed message', () => {
  const secret = `whsec_${Buffer.alloc(32, 41).toString('base64')}`;
  const body = '{"type":"kiosk.heartbeat"}';
  const signed = () => signMessage([secret], 'msg_1', body, new Date());

  it('cannot be signed with no secret at all', () => {
    expect(() => signMessage([], 'msg_1', body, new Date())).toThrow('signMessage needs at least one secret');
  });

  it('missing any one of its three headers is refused as missing headers, and a header given as a list counts as missing', () => {
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const headers: Record<string, string | string[] | undefined> = { ...signed() };
      delete headers[header];
      expect(verifyMessage([secret], body, headers), header).toMatchObject({ ok: false, reason: 'missing-headers' });
      const listed = signed();
      expect(
        verifyMessage([secret], body, { ...listed, [header]: [listed[header as keyof typeof listed]] }),
        `${header} as a list`,
      ).toMatchObject({
        ok: false,
        reason: 'missing-headers',
      });
    }
  });

  it('is a bad signature for a receiver that holds no secret', () => {
    expect(verifyMessage([], body, signed())).toStrictEqual({
      ok: false,
      reason: 'bad-signature',
      message: 'no signature matched any configured secret',
    });
  });
});
