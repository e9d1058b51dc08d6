import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getApi } from '../../../renderer/src/api/get-api';
import { App } from '../../../renderer/src/app';
import type { LobbyApi } from '../../../shared/contract';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('choosing how the page talks to main', () => {
  it('uses the preload’s API when there is one: its calls and its events', async () => {
    const listeners = new Set<(payload: unknown) => void>();
    const lobby = Object.freeze({
      'app.reportRendererError': () => Promise.resolve({ recorded: true }),
      on: (_name: string, listener: (payload: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }) as unknown as LobbyApi;
    const api = getApi({ lobby, location: { protocol: 'app:' } });
    expect(api['app.reportRendererError']).toBe(lobby['app.reportRendererError']);
    await expect(api['app.reportRendererError']({ where: 'x', kind: 'TypeError' })).resolves.toEqual({ recorded: true });
    const off = api.on('app.bootstrapChanged', () => undefined);
    expect(listeners.size).toBe(1);
    off();
    expect(listeners.size).toBe(0);
  });

  it('removes a listener when its AbortSignal aborts, and adds none for a signal already aborted', () => {
    const listeners = new Set<(payload: unknown) => void>();
    const lobby = Object.freeze({
      on: (_name: string, listener: (payload: unknown) => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }) as unknown as LobbyApi;
    const api = getApi({ lobby, location: { protocol: 'app:' } });
    const heard: unknown[] = [];
    const controller = new AbortController();
    api.on('desk.changed', (state) => heard.push(state), { signal: controller.signal });
    for (const listener of listeners) listener('first');
    controller.abort();
    expect(listeners.size).toBe(0);
    for (const listener of listeners) listener('second');
    expect(heard).toEqual(['first']);
    api.on('desk.changed', (state) => heard.push(state), { signal: controller.signal });
    expect(listeners.size).toBe(0);
  });

  it('on app:// without the preload’s API, fails every call at once and never falls back to HTTP', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const api = getApi({ location: { protocol: 'app:' } });
    await expect(api['app.getBootstrap']({})).rejects.toMatchObject({ name: 'CallFailure', code: 'failed' });
    expect(api.on('app.bootstrapChanged', () => undefined)).toBeTypeOf('function');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('on app:// without the preload’s API, the screen sends the person to the front window', async () => {
    render(<App api={getApi({ location: { protocol: 'app:' } })} />);
    expect(await screen.findByText('This screen lost its connection. Please go to the front window.')).toBeTruthy();
  });

  it('in the browser host (http://), talks HTTP to the page’s own host', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify({ ok: true, value: { recorded: true } })));
    const api = getApi({ location: { protocol: 'http:' } });
    await expect(api['app.reportRendererError']({ where: 'kiosk.home', kind: 'TypeError' })).resolves.toEqual({ recorded: true });
    expect(String(fetchSpy.mock.calls[0]?.[0])).toContain('api/call/app.reportRendererError');
  });
});
