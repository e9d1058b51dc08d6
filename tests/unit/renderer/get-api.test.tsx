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
  it('uses the preload’s API when there is one', () => {
    const lobby = { on: () => () => undefined } as unknown as LobbyApi;
    expect(getApi({ lobby, location: { protocol: 'app:' } })).toBe(lobby);
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
