import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHostFromCli } from '../../../electron/browser-host/host-cli.js';
import type { BrowserHost } from '../../../electron/browser-host/server.js';
import type { Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { createHttpApi } from '../../../renderer/src/api/http-api.js';
import { isCallFailure } from '../../../shared/call-result.js';
import { repoRoot } from '../support/temp-config.js';

let host: BrowserHost;
let cores: Core[];
let appRoot: string;
/** The host's log, to count what the core did. */
const log = memorySink();

beforeAll(async () => {
  // An app folder of its own: the shipped resources and a stand-in renderer build.
  appRoot = await mkdtemp(path.join(tmpdir(), 'lobby-app-'));
  await cp(path.join(repoRoot, 'resources'), path.join(appRoot, 'resources'), { recursive: true });
  // The desk's receiver on a port the system picks, never the shipped 4790.
  const deskFile = path.join(appRoot, 'resources', 'config', 'desk.json');
  const desk = JSON.parse(await readFile(deskFile, 'utf8')) as { receiver: { port: number } };
  desk.receiver.port = 0;
  await writeFile(deskFile, JSON.stringify(desk));
  await mkdir(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  ({ host, cores } = await startHostFromCli({
    argv: ['--port=0'],
    env: { LOBBY_DATA_KEY: Buffer.alloc(32, 3).toString('base64') },
    appRoot,
    logger: createLogger('t', log),
  }));
  // As a browser does: open the printed URL once, keep the cookie it sets, and send it with every request after.
  const opened = await fetch(host.urls.kiosk ?? '', { redirect: 'manual' });
  const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (input: URL | string, init: RequestInit = {}) =>
    realFetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: cookie } }),
  );
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await Promise.all(cores.map((core) => core.close()));
  await host.close();
  await rm(appRoot, { recursive: true, force: true });
});

describe("the renderer's HTTP bridge against the real browser host", () => {
  it('each page talks to its own role’s core', async () => {
    const kiosk = createHttpApi(host.urls.kiosk);
    const desk = createHttpApi(host.urls.desk);
    expect(await kiosk['app.getBootstrap']({})).toMatchObject({ role: 'kiosk', deviceId: 'K1' });
    expect(await desk['app.getBootstrap']({})).toMatchObject({ role: 'desk', deviceId: 'D1' });
  });

  it('a refused call rejects with the same CallFailure the Electron preload gives, naming the field', async () => {
    const api = createHttpApi(host.urls.kiosk);
    const failure = await api['app.reportRendererError']({ where: 'Bad Place', kind: 'TypeError' }).catch((e: unknown) => e);
    expect(isCallFailure(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'invalid-input', issues: [{ path: 'where' }] });
  });

  it('an unknown call rejects with unknown-call', async () => {
    const api = createHttpApi(host.urls.kiosk) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    await expect(api['app.nothing']!({})).rejects.toMatchObject({ name: 'CallFailure', code: 'unknown-call' });
  });
});

describe('one request per visit through the HTTP bridge', () => {
  it('two Send activations in the same task, with the visit key, make one request', async () => {
    const api = createHttpApi(host.urls.kiosk);
    const captures = () => log.entries.filter((entry) => entry.message === 'request captured').length;
    const before = captures();
    const input = {
      kind: 'help-self',
      turningIn: false,
      dangerNow: false,
      language: 'en',
      idempotencyKey: 'visit-0c1d2e3f-normal',
    } as const;
    // Both calls leave before either answers, as a bouncing touch driver would send them.
    const [first, second] = await Promise.all([api['request.submit'](input), api['request.submit'](input)]);
    expect(second.id).toBe(first.id);
    expect(second.reference).toBe(first.reference);
    expect(captures() - before).toBe(1);
    // Without the key each Send is a request of its own: the key is what makes them one.
    const keyless = { ...input, idempotencyKey: undefined };
    const [third, fourth] = await Promise.all([api['request.submit'](keyless), api['request.submit'](keyless)]);
    expect(third.id).not.toBe(fourth.id);
  });
});
