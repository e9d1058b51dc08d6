import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { handleAppProtocol, registerAppScheme, serveAppRequest } from '../../../electron/shell/app-protocol.js';
import { app, protocol, resetFakeElectron } from './fake-electron.js';
import { testLogger } from './test-logger.js';

vi.mock('electron', () => import('./fake-electron.js'));

let root: string;
let rendererDir: string;
const secret = 'TOP SECRET: outside the renderer folder';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lobby-protocol-'));
  rendererDir = path.join(root, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lobby</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), secret);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), rendererDir, testLogger().logger);

describe('app:// serves the built renderer', () => {
  it('serves index.html with the CSP, nosniff and an HTML content type', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Lobby</title>');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves index.html for the bare origin', async () => {
    expect(await (await get('app://bundle/')).text()).toContain('<title>Lobby</title>');
  });

  it('serves scripts as JavaScript with the CSP', async () => {
    const response = await get('app://bundle/assets/index.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bundle/../../etc/passwd',
    'app://bundle/%00index.html',
  ])('refuses %s without reading outside the folder', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses any host but bundle', async () => {
    const response = await get('app://evil/index.html');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('Lobby');
  });

  it('answers 404 for a file that does not exist', async () => {
    expect((await get('app://bundle/missing.js')).status).toBe(404);
  });

  it('answers only reads', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });
});

describe('registering app://', () => {
  beforeEach(() => resetFakeElectron());

  it('registers app as a standard, secure, fetch-capable scheme before the app is ready', () => {
    registerAppScheme();
    expect(protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(protocol.privilegedSchemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(protocol.privilegedSchemes[0]?.privileges).not.toHaveProperty('corsEnabled');
  });

  it('handles app:// once ready, with the same rules as serveAppRequest', async () => {
    app.becomeReady();
    handleAppProtocol(rendererDir, testLogger().logger);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://bundle/index.html'));
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await handler!(new Request('app://bundle/%2e%2e%2fsecret.txt'))).status).toBe(404);
  });
});

const builtRenderer = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');

describe.skipIf(!existsSync(path.join(builtRenderer, 'index.html')))("app:// serves what the built page's role preload asks for", () => {
  const serveBuilt = (url: string) => serveAppRequest(new Request(url), builtRenderer, testLogger().logger);

  /** The files index.html's role preload script names for each role (the JSON it is called with). */
  async function preloadedFiles(): Promise<Record<'kiosk' | 'desk', { scripts: string[]; styles: string[] }>> {
    const html = await readFile(path.join(builtRenderer, 'index.html'), 'utf8');
    const script = /<script async src="\.\/(assets\/role-preload-[\w-]+\.js)">/.exec(html)?.[1];
    if (!script) throw new Error('the built index.html names no role preload script');
    const source = await (await serveBuilt(`app://bundle/${script}`)).text();
    const files = /\}\)\((\{.*\})\);\s*$/s.exec(source)?.[1];
    if (!files) throw new Error('the role preload script is not called with its files');
    return JSON.parse(files) as Record<'kiosk' | 'desk', { scripts: string[]; styles: string[] }>;
  }

  it('answers the page at the address an Electron window loads (#kiosk, #desk)', async () => {
    for (const url of ['app://bundle/index.html#kiosk', 'app://bundle/index.html#desk']) {
      const response = await serveBuilt(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toContain('role-preload-');
    }
  });

  it("serves every chunk and stylesheet each role's preload asks for, with its content type", async () => {
    const files = await preloadedFiles();
    for (const role of ['kiosk', 'desk'] as const) {
      expect(files[role].scripts.length, role).toBeGreaterThan(0);
      for (const file of files[role].scripts) {
        const response = await serveBuilt(`app://bundle/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type'), file).toMatch(/javascript/);
      }
      for (const file of files[role].styles) {
        const response = await serveBuilt(`app://bundle/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type'), file).toMatch(/^text\/css/);
      }
    }
  });
});
