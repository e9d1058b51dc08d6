/**
 * Adding a call is two files: the contract and the feature's handler. These
 * tests hold the part in between (who answers which call) to the contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assertEveryCall, createCore, type Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { callNames, callsOf, roleOf, type CallHandlers } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import { tempConfig, testStorage } from '../support/temp-config.js';

const open: Array<{ core: Core; remove: () => Promise<void> }> = [];
afterEach(async () => {
  for (const { core, remove } of open.splice(0)) {
    await core.close();
    await remove();
  }
});

async function start(deviceFile?: string, clearClipboard?: () => void) {
  const config = await tempConfig(deviceFile);
  const storage = clearClipboard ? testStorage(config.dir, { clearClipboard }) : config.storage;
  const core = await createCore({ paths: config.paths, ...storage, logger: createLogger('test', memorySink()), watchIntervalMs: false });
  open.push({ core, remove: config.remove });
  return core;
}

describe('who answers a call is read from the contract', () => {
  it('each call belongs to exactly one part of the app, by the namespace in its name', () => {
    expect(callsOf('kiosk')).toEqual(['request.submit', 'request.get', 'kiosk.sessionEnded']);
    expect(callsOf('desk').every((name) => name.startsWith('desk.'))).toBe(true);
    expect(callsOf('admin').every((name) => name.startsWith('admin.'))).toBe(true);
    const all = (['app', 'kiosk', 'desk', 'admin'] as const).flatMap((role) => callsOf(role));
    expect([...all].sort()).toEqual([...callNames].sort());
    expect(roleOf('request.submit')).toBe('kiosk');
    expect(roleOf('app.getBootstrap')).toBe('app');
  });

  it.each([['config/kiosk.json'], ['config/desk.json']])(
    'a core started with %s has an own handler for every call in the contract',
    async (file) => {
      const core = await start(file);
      for (const name of callNames) expect(Object.hasOwn(core.handlers, name), name).toBe(true);
    },
  );

  it('a core refuses to start when a contract call has no handler', () => {
    const handlers = Object.fromEntries(callNames.map((name) => [name, () => null])) as unknown as CallHandlers;
    expect(assertEveryCall(handlers)).toBe(handlers);
    const withoutOne: Partial<CallHandlers> = { ...handlers };
    delete withoutOne['desk.history'];
    expect(() => assertEveryCall(withoutOne as CallHandlers)).toThrow('no handler registered for: desk.history');
  });

  it('forwards a kiosk call to the running kiosk service, and a desk call on a kiosk fails plainly', async () => {
    const core = await start();
    expect(await dispatchCall(core.handlers, 'request.get', { id: 'req_unknown' }, () => {})).toEqual({ ok: true, value: null });
    const errors: unknown[] = [];
    const onDesk = await dispatchCall(core.handlers, 'desk.getState', {}, (_name, error) => errors.push(error));
    expect(onDesk).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(String(errors[0])).toContain('not a working desk');
  });

  it('the new kiosk call, kiosk.sessionEnded, reaches the kiosk service, which empties the clipboard', async () => {
    let cleared = 0;
    const core = await start(undefined, () => (cleared += 1));
    expect(await core.handlers['kiosk.sessionEnded']({})).toEqual({ forgotten: true });
    expect(cleared).toBe(1);
  });
});
