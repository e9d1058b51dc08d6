import { describe, expect, it, vi } from 'vitest';
import { withEarlyBootstrap } from '../../../renderer/src/api/early-bootstrap';
import type { Bootstrap } from '../../../shared/bootstrap';
import type { LobbyApi } from '../../../shared/contract';

const fromCall = { state: 'out-of-service', reason: 'from the call' } as unknown as Bootstrap;
const fromPage = { state: 'out-of-service', reason: 'from index.html' } as unknown as Bootstrap;

function transport() {
  const getBootstrap = vi.fn(() => Promise.resolve(fromCall));
  const on = vi.fn(() => () => undefined);
  return { api: { 'app.getBootstrap': getBootstrap, on } as unknown as LobbyApi, getBootstrap, on };
}

describe('the bootstrap index.html asked for early', () => {
  it('answers the first bootstrap call without a second request, and later calls go to the transport', async () => {
    const { api, getBootstrap } = transport();
    const early = withEarlyBootstrap(api, Promise.resolve({ ok: true, value: fromPage }));
    await expect(early['app.getBootstrap']({})).resolves.toEqual(fromPage);
    expect(getBootstrap).not.toHaveBeenCalled();
    await expect(early['app.getBootstrap']({})).resolves.toEqual(fromCall);
    expect(getBootstrap).toHaveBeenCalledTimes(1);
  });

  it('asks the transport when the early request failed', async () => {
    const { api, getBootstrap } = transport();
    const early = withEarlyBootstrap(api, Promise.resolve(undefined));
    await expect(early['app.getBootstrap']({})).resolves.toEqual(fromCall);
    expect(getBootstrap).toHaveBeenCalledTimes(1);
  });

  it('gives the core’s refusal as the call would have', async () => {
    const { api } = transport();
    const refused = { ok: false, error: { code: 'unauthorized', message: 'no token' } };
    await expect(withEarlyBootstrap(api, Promise.resolve(refused))['app.getBootstrap']({})).rejects.toMatchObject({
      name: 'CallFailure',
      code: 'unauthorized',
    });
  });

  it('leaves the API as it is when nothing was asked early (Electron, tests)', () => {
    const { api, on } = transport();
    expect(withEarlyBootstrap(api, undefined)).toBe(api);
    withEarlyBootstrap(api, Promise.resolve(undefined)).on('app.bootstrapChanged', () => undefined);
    expect(on).toHaveBeenCalledTimes(1);
  });
});
