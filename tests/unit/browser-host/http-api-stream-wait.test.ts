import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server.js';
import { createCore, type Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { createHttpApi } from '../../../renderer/src/api/http-api.js';
import { tempConfig } from '../support/temp-config.js';
import { HeldEventSource } from './support/held-event-source.js';

let host: BrowserHost;
let core: Core;
let remove: () => Promise<void>;
/** The calls that left the page for the host, by path, in order. */
const sent: string[] = [];
/** The cookie the host set when the printed URL was opened. */
let cookie = '';

beforeAll(async () => {
  const config = await tempConfig();
  remove = config.remove;
  const rendererDir = path.join(config.dir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('t', memorySink()), watchIntervalMs: false });
  host = await startBrowserHost({ port: 0, rendererDir, cores: { kiosk: core }, logger: createLogger('t', memorySink()) });
  // As a browser does: open the printed URL once and send its cookie with every request after.
  const opened = await fetch(host.urls.kiosk ?? '', { redirect: 'manual' });
  cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  HeldEventSource.cookie = cookie;
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: URL | string, init: RequestInit = {}) => {
    sent.push(new URL(input).pathname);
    return realFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } });
  });
  vi.stubGlobal('EventSource', HeldEventSource);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await core.close();
  await host.close();
  await remove();
});

beforeEach(() => {
  sent.length = 0;
  // Only the page's own timer is faked; the sockets keep real time.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  for (const source of HeldEventSource.opened.splice(0)) source.close();
});

/** A page that listens for events, then makes a call before its stream has opened. */
async function callBeforeTheStreamOpens() {
  const api = createHttpApi(host.urls.kiosk);
  api.on('app.bootstrapChanged', () => undefined);
  const source = HeldEventSource.opened.at(-1)!;
  const answer = api['app.getBootstrap']({});
  return { source, answer, status: await source.answered };
}

describe('the browser transport holds calls until its event stream is open', () => {
  it('a call made before the stream opens leaves only when it opens, and is answered by the host', async () => {
    const { source, answer, status } = await callBeforeTheStreamOpens();
    expect(status, 'the host accepted the stream').toBe(200);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sent, 'no call left while the stream was not yet open').toEqual([]);

    source.release();
    expect(await answer).toMatchObject({ role: 'kiosk', deviceId: 'K1' });
    expect(sent).toEqual(['/kiosk/api/call/app.getBootstrap']);
  });

  it('a stream that never opens holds a call 3 s at most, then the call goes and is answered', async () => {
    const { answer } = await callBeforeTheStreamOpens();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sent, 'still held just before 3 s').toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent, 'sent at 3 s').toEqual(['/kiosk/api/call/app.getBootstrap']);
    expect(await answer).toMatchObject({ role: 'kiosk', deviceId: 'K1' });
  });

  it('a stream the host refuses does not hold calls at all', async () => {
    HeldEventSource.cookie = '';
    try {
      const { answer, status } = await callBeforeTheStreamOpens();
      expect(status, 'the host refused a stream without the cookie').toBe(401);
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toEqual(['/kiosk/api/call/app.getBootstrap']);
      expect(await answer).toMatchObject({ role: 'kiosk' });
    } finally {
      HeldEventSource.cookie = cookie;
    }
  });

  it('a page that never listens for events never waits', async () => {
    const api = createHttpApi(host.urls.kiosk);
    const answer = api['app.getBootstrap']({});
    expect(sent).toEqual(['/kiosk/api/call/app.getBootstrap']);
    expect(HeldEventSource.opened).toEqual([]);
    expect(await answer).toMatchObject({ role: 'kiosk' });
  });
});
