import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server.js';
import { createCore, type Core } from '../../../electron/core/create-core.js';
import { createEventHub } from '../../../electron/core/event-hub.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { tempConfig } from '../support/temp-config.js';

let host: BrowserHost;
let core: Core;
let rendererDir: string;
let cleanup: () => Promise<void>;
let hostLog: ReturnType<typeof memorySink>;
/** The cookie the host set when the printed kiosk URL was opened, as a browser would keep it. */
let cookie: string;

beforeAll(async () => {
  const config = await tempConfig();
  cleanup = config.remove;
  // A stand-in renderer build: the host only serves files, it does not care what they are.
  rendererDir = path.join(config.dir, 'renderer');
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('t', memorySink()), watchIntervalMs: false });
  hostLog = memorySink();
  host = await startBrowserHost({ port: 0, rendererDir, cores: { kiosk: core }, logger: createLogger('t', hostLog) });
  const printed = new URL(host.urls.kiosk ?? '');
  const opened = await raw('GET', `${printed.pathname}${printed.search}`, { Cookie: '' });
  cookie = String(opened.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await core.close();
  await host.close();
  await cleanup();
});

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** node:http, because fetch cannot set Host or Origin freely. */
function raw(method: string, urlPath: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  // Like the browser that opened the printed URL: its cookie goes with every request unless the test says otherwise.
  const withCookie = { Cookie: cookie, ...headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path: urlPath, headers: withCookie }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'Content-Type': 'application/json' };

describe('the browser host', () => {
  it('listens on 127.0.0.1 only and names its URLs, each with a long random token', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.urls.kiosk).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/kiosk/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('serves the renderer with the CSP header', async () => {
    const res = await raw('GET', '/kiosk/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("serves the role's page with the role's bootstrap in it, as a JSON data block, the same as the call answers", async () => {
    const res = await raw('GET', '/kiosk/');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    const block = /<script type="application\/json" id="lobby-bootstrap">(.*?)<\/script>/s.exec(res.body)?.[1];
    expect(block, 'the page holds its bootstrap').toBeDefined();
    const call = await raw('POST', '/kiosk/api/call/app.getBootstrap', json, '{}');
    expect(JSON.parse(block ?? '')).toEqual((JSON.parse(call.body) as { value: unknown }).value);
    expect(JSON.parse(block ?? '')).toEqual(core.bootstrap());
  });

  it('bridges a contract call to the real core', async () => {
    const res = await raw('POST', '/kiosk/api/call/app.getBootstrap', json, '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'ready', deviceId: 'K1' } });
  });

  it('answers a bad payload with 400 naming the field', async () => {
    const res = await raw('POST', '/kiosk/api/call/app.reportRendererError', json, '{"where":"x","kind":"not a class"}');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'kind' }] } });
  });

  it('answers an unknown call with 404', async () => {
    expect((await raw('POST', '/kiosk/api/call/app.nothing', json, '{}')).status).toBe(404);
  });

  it('answers a call name with malformed percent-encoding with 400, not 500', async () => {
    for (const name of ['app.get%zzBootstrap', '%E0%A4%A', '%'])
      expect((await raw('POST', `/kiosk/api/call/${name}`, json, '{}')).status, name).toBe(400);
  });

  it('refuses a body that is not JSON', async () => {
    expect((await raw('POST', '/kiosk/api/call/app.getBootstrap', json, '{')).status).toBe(400);
    expect((await raw('POST', '/kiosk/api/call/app.getBootstrap', { 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
  });

  it('refuses an oversized body', async () => {
    expect((await raw('POST', '/kiosk/api/call/app.getBootstrap', json, `"${'x'.repeat(70_000)}"`)).status).toBe(413);
  });

  it('refuses calls from another site', async () => {
    const res = await raw('POST', '/kiosk/api/call/app.getBootstrap', { ...json, Origin: 'http://evil.example' }, '{}');
    expect(res.status).toBe(403);
    const fetchSite = await raw('POST', '/kiosk/api/call/app.getBootstrap', { ...json, 'Sec-Fetch-Site': 'cross-site' }, '{}');
    expect(fetchSite.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await raw('GET', '/kiosk/', { Host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/kiosk/%2e%2e/%2e%2e/package.json', '/kiosk/..%2f..%2fpackage.json', '/kiosk/assets/%2e%2e%2f%2e%2e%2f.git/config']) {
      expect((await raw('GET', p)).status, p).toBe(404);
    }
  });

  it('answers unknown roles with 404, including names every object inherits', async () => {
    for (const role of ['admin', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await raw('GET', `/${role}/`)).status, role).toBe(404);
      expect((await raw('POST', `/${role}/api/call/app.getBootstrap`, json, '{}')).status, role).toBe(404);
    }
  });

  it('streams core events as server-sent events', async () => {
    // A core whose event hub the test drives; handlers and validation are the real ones.
    const hub = createEventHub();
    const eventHost = await startBrowserHost({
      port: 0,
      rendererDir,
      cores: { kiosk: { ...core, events: hub } },
      logger: createLogger('t', memorySink()),
    });
    const token = new URL(eventHost.urls.kiosk ?? '').searchParams.get('token') ?? '';
    const text = await new Promise<string>((resolve, reject) => {
      const headers = { Authorization: `Bearer ${token}` };
      const req = request({ host: '127.0.0.1', port: eventHost.port, path: '/kiosk/api/events', headers }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        let received = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received += chunk;
          // The host subscribes before it writes this line, so an event emitted now must arrive.
          if (chunk.includes(': connected')) hub.emit('app.bootstrapChanged', core.bootstrap());
          if (received.includes('\n\ndata') || /data: .*\n\n/.test(received)) {
            req.destroy();
            resolve(received);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await eventHost.close();
    expect(text).toMatch(/event: lobby:event:app\.bootstrapChanged\ndata: \{"state":"ready"/);
  });
});

describe("the browser host's per-run token", () => {
  const printed = () => new URL(host.urls.kiosk ?? '');
  const token = () => printed().searchParams.get('token') ?? '';

  it('trades the token in the printed URL for an HttpOnly, SameSite=Strict cookie and redirects to the URL without it', async () => {
    const opened = await raw('GET', `${printed().pathname}${printed().search}`, { Cookie: '' });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/kiosk/');
    const setCookie = String(opened.headers['set-cookie']?.[0]);
    expect(setCookie).toBe(`lobby-host-${host.port}=${token()}; Path=/; HttpOnly; SameSite=Strict`);
    expect((await raw('GET', '/kiosk/', { Cookie: setCookie.split(';')[0] ?? '' })).status).toBe(200);
  });

  it('another local program without the token reads nothing: no page, no call, no event stream', async () => {
    const none = { Cookie: '' };
    for (const [method, urlPath] of [
      ['GET', '/kiosk/'],
      ['GET', '/kiosk/assets/app.js'],
      ['GET', '/'],
      ['GET', '/kiosk/api/events'],
      ['POST', '/kiosk/api/call/app.getBootstrap'],
    ] as const) {
      const res = await raw(method, urlPath, method === 'POST' ? { ...none, ...json } : none, method === 'POST' ? '{}' : undefined);
      expect(res.status, `${method} ${urlPath}`).toBe(401);
      expect(res.body).not.toContain('"state"');
      expect(res.body).not.toContain('export');
    }
    const call = await raw('POST', '/kiosk/api/call/app.getBootstrap', { ...none, ...json }, '{}');
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses a wrong token in the URL, in the cookie and as a bearer token, and one of the wrong length', async () => {
    const wrong = `${token().slice(0, -1)}${token().endsWith('A') ? 'B' : 'A'}`;
    for (const guess of [wrong, 'x', `${token()}x`, '']) {
      expect((await raw('GET', `/kiosk/?token=${guess}`, { Cookie: '' })).status, guess).toBe(401);
      expect((await raw('GET', '/kiosk/', { Cookie: `lobby-host-${host.port}=${guess}` })).status, guess).toBe(401);
      expect((await raw('GET', '/kiosk/', { Cookie: '', Authorization: `Bearer ${guess}` })).status, guess).toBe(401);
    }
    // Another host's cookie (same 127.0.0.1, another port) is not this host's.
    expect((await raw('GET', '/kiosk/', { Cookie: `lobby-host-1=${token()}` })).status).toBe(401);
  });

  it('accepts the token as a bearer token, for scripts', async () => {
    const res = await raw('POST', '/kiosk/api/call/app.getBootstrap', { Cookie: '', Authorization: `Bearer ${token()}`, ...json }, '{}');
    expect(res.status).toBe(200);
  });

  it('never writes the token to its log, not even a refused guess', async () => {
    await raw('GET', `/kiosk/?token=${token()}`, { Cookie: '' });
    await raw('GET', `/kiosk/?token=${token().slice(1)}`, { Cookie: '' });
    const logged = JSON.stringify(hostLog.entries);
    expect(logged).toContain("refused a request without this run's key");
    expect(logged).not.toContain(token());
    expect(logged).not.toContain(token().slice(1));
  });
});
