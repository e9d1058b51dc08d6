import { describe, expect, it, vi } from 'vitest';
import type { CallHandlers } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import { CallRefused, unwrapResult } from '../../../shared/call-result.js';

const handlers = {
  'app.getBootstrap': () => {
    throw new Error('internal detail /home/kiosk/device.json');
  },
  'app.reportRendererError': () => ({ recorded: true as const }),
} as unknown as CallHandlers;

describe('dispatching a call through the contract', () => {
  it('runs the handler with valid input', async () => {
    const result = await dispatchCall(handlers, 'app.reportRendererError', { where: 'welcome', kind: 'TypeError' }, vi.fn());
    expect(result).toEqual({ ok: true, value: { recorded: true } });
  });

  it('refuses an unknown call by name', async () => {
    const result = await dispatchCall(handlers, 'app.deleteEverything', {}, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('refuses names inherited from Object.prototype', async () => {
    const result = await dispatchCall(handlers, 'constructor', {}, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('names the bad field', async () => {
    const result = await dispatchCall(handlers, 'app.reportRendererError', { where: 'Welcome Screen!', kind: 'TypeError' }, vi.fn());
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'where', message: 'where: use a short lower-case place name' }] },
    });
  });

  it('refuses extra fields, so the renderer cannot smuggle data in', async () => {
    const result = await dispatchCall(handlers, 'app.reportRendererError', { where: 'a', kind: 'B', firstName: 'Maria' }, vi.fn());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/firstName/);
  });

  it('hides handler failures from the renderer but reports them', async () => {
    const onError = vi.fn();
    const result = await dispatchCall(handlers, 'app.getBootstrap', {}, onError);
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'app.getBootstrap failed' } });
    expect(onError).toHaveBeenCalledWith('app.getBootstrap', expect.any(Error));
  });

  it('passes a plain refusal through with its sentence, and does not report it as a failure', async () => {
    const onError = vi.fn();
    const refusing = {
      ...handlers,
      'desk.acknowledge': () => {
        throw new CallRefused('Records window has already answered this request.');
      },
    } as unknown as CallHandlers;
    const result = await dispatchCall(refusing, 'desk.acknowledge', { id: 'req_0123456789abcdefAB', messageKey: 'coming-now' }, onError);
    expect(result).toEqual({ ok: false, error: { code: 'refused', message: 'Records window has already answered this request.' } });
    expect(onError).not.toHaveBeenCalled();
  });

  it("keeps a refusal's stable code beside its sentence, through to the page's CallFailure", async () => {
    const refusing = {
      ...handlers,
      'admin.pairing.createCode': () => {
        throw new CallRefused('Only a desk makes pairing codes.', 'not-a-desk');
      },
    } as unknown as CallHandlers;
    const result = await dispatchCall(refusing, 'admin.pairing.createCode', {}, vi.fn());
    expect(result).toEqual({ ok: false, error: { code: 'refused', message: 'Only a desk makes pairing codes.', reason: 'not-a-desk' } });
    // Through JSON, as IPC and HTTP carry it.
    const failure = (() => {
      try {
        return unwrapResult(JSON.parse(JSON.stringify(result)) as typeof result);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toMatchObject({ name: 'CallFailure', code: 'refused', reason: 'not-a-desk' });
  });
});
