import type { Bootstrap } from '../../shared/bootstrap.js';
import type { CallResult } from '../../shared/call-result.js';
import { test, expect } from './support/fixtures.js';
import { sharedUrl, tokenHeaders } from './support/host-token.js';
import { rawRequest } from './support/raw-http.js';

const json = { 'Content-Type': 'application/json' };

test("a valid call over HTTP answers 200 with the core's value, each role from its own core", async ({ request }) => {
  for (const role of ['kiosk', 'desk'] as const) {
    const response = await request.post(`/${role}/api/call/app.getBootstrap`, { data: {} });
    expect(response.status()).toBe(200);
    const result = (await response.json()) as CallResult<Bootstrap>;
    expect(result.ok && result.value.state === 'ready' && result.value.role).toBe(role);
  }
});

test('a call with a bad payload is refused with 400 and an error that names the field', async ({ request }) => {
  const response = await request.post('/kiosk/api/call/app.reportRendererError', {
    data: { where: 'Welcome Screen!', kind: 'TypeError' },
  });
  expect(response.status()).toBe(400);
  const result = (await response.json()) as CallResult<unknown>;
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('invalid-input');
  expect(result.error.issues?.map((issue) => issue.path)).toEqual(['where']);
  expect(result.error.message).toContain('where');

  const unknownField = await request.post('/kiosk/api/call/app.getBootstrap', { data: { extra: 1 } });
  expect(unknownField.status()).toBe(400);
  expect(((await unknownField.json()) as CallResult<unknown>).ok).toBe(false);
  expect(JSON.stringify(await unknownField.json())).toContain('extra');
});

test('a call the contract does not declare is answered 404', async ({ request }) => {
  const response = await request.post('/kiosk/api/call/app.deleteEverything', { data: {} });
  expect(response.status()).toBe(404);
  const result = (await response.json()) as CallResult<unknown>;
  expect(!result.ok && result.error.code).toBe('unknown-call');
});

test('a cross-origin POST is refused with 403', async ({ request }) => {
  const fromEvil = await request.post('/kiosk/api/call/app.getBootstrap', { data: {}, headers: { Origin: 'http://evil.example' } });
  expect(fromEvil.status()).toBe(403);
  const crossSite = await request.post('/kiosk/api/call/app.getBootstrap', { data: {}, headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
});

test('a request with a foreign Host header is refused with 421 (DNS rebinding)', async ({ origin }) => {
  const own = await rawRequest(origin, { path: '/kiosk/', headers: tokenHeaders(origin) });
  expect(own.status, 'control: our own Host is served').toBe(200);
  for (const host of ['evil.example', `evil.example:${new URL(origin).port}`, '127.0.0.1.evil.example']) {
    const page = await rawRequest(origin, { path: '/kiosk/', headers: { Host: host, ...tokenHeaders(origin) } });
    expect(page.status, `GET with Host: ${host}`).toBe(421);
    const call = await rawRequest(origin, {
      method: 'POST',
      path: '/kiosk/api/call/app.getBootstrap',
      headers: { Host: host, ...json, ...tokenHeaders(origin) },
      body: '{}',
    });
    expect(call.status, `POST with Host: ${host}`).toBe(421);
  }
});

test('path traversal out of the renderer folder is answered 404', async ({ origin }) => {
  const control = await rawRequest(origin, { path: '/kiosk/index.html', headers: tokenHeaders(origin) });
  expect(control.status, 'control: a real file is served').toBe(200);
  for (const path of [
    '/kiosk/%2e%2e/%2e%2e/package.json',
    '/kiosk/..%2f..%2fpackage.json',
    '/kiosk/../../package.json',
    '/kiosk/%2e%2e%2f%2e%2e%2fpackage.json',
    '/kiosk/..%5c..%5cpackage.json',
    '/desk/%2e%2e/%2e%2e/resources/config/kiosk.json',
  ]) {
    const response = await rawRequest(origin, { path, headers: tokenHeaders(origin) });
    expect(response.status, path).toBe(404);
    expect(response.body, path).not.toContain('lobby-kiosk');
    expect(response.body, path).not.toContain('schemaVersion');
  }
});

test("another program on this computer without the run's token gets 401 and reads nothing", async ({ origin }) => {
  for (const [method, path] of [
    ['GET', '/kiosk/'],
    ['GET', '/desk/'],
    ['GET', '/kiosk/api/events'],
    ['POST', '/desk/api/call/desk.getState'],
    ['POST', '/kiosk/api/call/app.getBootstrap'],
  ] as const) {
    const response = await rawRequest(origin, { method, path, headers: json, body: method === 'POST' ? '{}' : undefined });
    expect(response.status, `${method} ${path}`).toBe(401);
    expect(response.body, `${method} ${path}`).not.toContain('deviceId');
    expect(response.body, `${method} ${path}`).not.toContain('<script');
  }
});

test('a browser that opens the printed URL gets the app, with the token gone from the address bar; one without it gets 401', async ({
  browser,
  origin,
}) => {
  // A fresh browser profile, not the fixtures' (which already opened the printed URL).
  const fresh = await browser.newContext();
  try {
    const page = await fresh.newPage();
    const refused = await page.goto(`${origin}/kiosk/`);
    expect(refused?.status()).toBe(401);
    await expect(page.getByText("This browser host needs this run's key")).toBeVisible();
    await page.goto(sharedUrl('kiosk'));
    await expect(page.locator('[data-screen="welcome"]')).toBeVisible();
    expect(page.url()).toBe(`${origin}/kiosk/`);
    const cookies = await fresh.cookies(origin);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie), 'script cannot read the token').toBe('');
  } finally {
    await fresh.close();
  }
});
