import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcRoute, type LobbyApi } from '../../../shared/contract.js';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

/** What the preload handed to contextBridge. */
let api: LobbyApi;
/** What the page sees: the same API after crossing contextBridge. */
let pageApi: LobbyApi;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../electron/preload.js');
  api = contextBridge.exposed.get('lobby') as LobbyApi;
  pageApi = contextBridge.inMainWorld.get('lobby') as LobbyApi;
});

beforeEach(() => {
  ipcRenderer.invocations.length = 0;
});

/** Every value reachable from the exposed object, functions included. */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value as object).flatMap((child) => reachable(child, seen))];
}

describe('what the page gets', () => {
  it('is one object, window.lobby, with exactly the contract calls plus on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['lobby']);
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('never includes ipcRenderer or any of its methods', () => {
    const everything = reachable(api);
    expect(everything).not.toContain(ipcRenderer);
    for (const method of [ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.emit, ipcRenderer.removeListener]) {
      expect(everything).not.toContain(method);
    }
  });
});

describe('calls', () => {
  it('invoke the contract channel with the input and resolve with the value', async () => {
    ipcRenderer.answer = () => ({ ok: true, value: { recorded: true } });
    await expect(pageApi['app.reportRendererError']({ where: 'kiosk.home', kind: 'TypeError' })).resolves.toEqual({ recorded: true });
    expect(ipcRenderer.invocations).toEqual([
      { channel: ipcRoute.call('app.reportRendererError'), args: [{ where: 'kiosk.home', kind: 'TypeError' }] },
    ]);
  });

  it('reject with the code and the named bad fields, as plain data that survives contextBridge', async () => {
    const issues = [{ path: 'where', message: 'where: use a short lower-case place name' }];
    ipcRenderer.answer = () => ({ ok: false, error: { code: 'invalid-input', message: 'app.reportRendererError: where: …', issues } });
    const failure: unknown = await pageApi['app.reportRendererError']({ where: 'Bad!', kind: 'TypeError' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toEqual({ name: 'CallFailure', message: 'app.reportRendererError: where: …', code: 'invalid-input', issues });
    // A class instance or an Error would lose code and issues on the way to the page.
    expect(Object.getPrototypeOf(failure)).toBe(Object.prototype);
  });
});

describe('events', () => {
  it('tell main the page is ready once, after the task in which the page added its first listener', () => {
    vi.useFakeTimers();
    try {
      const off = pageApi.on('app.bootstrapChanged', () => undefined);
      const off2 = pageApi.on('desk.changed', () => undefined);
      expect(ipcRenderer.sentToMain, 'not before the page has added every listener of this task').toEqual([]);
      vi.runAllTimers();
      expect(ipcRenderer.sentToMain).toEqual([{ channel: ipcRoute.rendererReady, args: [] }]);
      off();
      off2();
      pageApi.on('app.bootstrapChanged', () => undefined)();
      vi.runAllTimers();
      expect(ipcRenderer.sentToMain, 'once per page load').toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('deliver only the payload to the listener, never the IPC event', () => {
    const received: unknown[][] = [];
    const off = pageApi.on('app.bootstrapChanged', (...args: unknown[]) => received.push(args));
    ipcRenderer.deliver(ipcRoute.event('app.bootstrapChanged'), { state: 'ready' });
    expect(received).toEqual([[{ state: 'ready' }]]);
    off();
  });

  it('stop after unsubscribing', () => {
    const received: unknown[] = [];
    const off = pageApi.on('app.bootstrapChanged', (payload) => received.push(payload));
    off();
    ipcRenderer.deliver(ipcRoute.event('app.bootstrapChanged'), { state: 'ready' });
    expect(received).toEqual([]);
    expect(ipcRenderer.listenerCount(ipcRoute.event('app.bootstrapChanged'))).toBe(0);
  });

  it('refuse a name that is not in the contract, so the page cannot listen on arbitrary channels', () => {
    const on = api.on as (name: string, listener: () => void) => () => void;
    expect(() => on('lobby:call:app.getBootstrap', () => {})).toThrow(/unknown event/);
    expect(() => on('__proto__', () => {})).toThrow(/unknown event/);
    expect(ipcRenderer.eventNames()).toEqual([]);
  });
});

describe('the fake bridge, like Electron’s', () => {
  it('would strip an Error thrown through it to its message, which is why calls reject with plain data', async () => {
    class CodedError extends Error {
      code = 'invalid-input';
    }
    contextBridge.exposeInMainWorld('probe', { fail: () => Promise.reject(new CodedError('bad')) });
    const probe = contextBridge.inMainWorld.get('probe') as { fail(): Promise<never> };
    const error = await probe.fail().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CodedError);
    expect((error as { code?: unknown }).code).toBeUndefined();
  });
});
