import { describe, expect, it, vi } from 'vitest';
import { embeddedBootstrap, withEarlyBootstrap } from '../../../renderer/src/api/early-bootstrap';
import type { Bootstrap } from '../../../shared/bootstrap';
import { bootstrapBlockId } from '../../../shared/bootstrap-block';
import type { LobbyApi } from '../../../shared/contract';

const fromCall = { state: 'out-of-service', role: 'kiosk', languages: [], defaultLanguage: 'en', reason: 'config' } as Bootstrap;
const fromPage = { state: 'out-of-service', role: 'kiosk', languages: [], defaultLanguage: 'es', reason: 'switched-off' } as Bootstrap;

function transport() {
  const getBootstrap = vi.fn(() => Promise.resolve(fromCall));
  const on = vi.fn(() => () => undefined);
  return { api: { 'app.getBootstrap': getBootstrap, on } as unknown as LobbyApi, getBootstrap, on };
}

/** A page holding `text` in the bootstrap's data block, as the browser host serves it. */
function pageWith(text: string): Pick<Document, 'getElementById'> {
  const block = { textContent: text } as HTMLElement;
  return { getElementById: (id: string) => (id === bootstrapBlockId ? block : null) };
}

describe('the bootstrap the page came with', () => {
  it('is read from the data block the browser host put into the page', () => {
    expect(embeddedBootstrap(pageWith(JSON.stringify(fromPage)))).toEqual(fromPage);
  });

  it('is nothing when the page has no block (an Electron window, the dev server), or the block holds no bootstrap', () => {
    expect(embeddedBootstrap({ getElementById: () => null })).toBeUndefined();
    for (const text of ['', 'not json', '[]', 'null', '{"state":"maybe","languages":[]}', '{"state":"ready"}']) {
      expect(embeddedBootstrap(pageWith(text)), text).toBeUndefined();
    }
  });

  it('answers the first bootstrap call without a request, and later calls go to the transport', async () => {
    const { api, getBootstrap } = transport();
    const early = withEarlyBootstrap(api, fromPage);
    await expect(early['app.getBootstrap']({})).resolves.toEqual(fromPage);
    expect(getBootstrap).not.toHaveBeenCalled();
    await expect(early['app.getBootstrap']({})).resolves.toEqual(fromCall);
    expect(getBootstrap).toHaveBeenCalledTimes(1);
  });

  it('leaves the API as it is when the page came with none (Electron, tests)', () => {
    const { api, on } = transport();
    expect(withEarlyBootstrap(api, undefined)).toBe(api);
    withEarlyBootstrap(api, fromPage).on('app.bootstrapChanged', () => undefined);
    expect(on).toHaveBeenCalledTimes(1);
  });
});
