import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSecret, isLoopbackHost, listenRefusal } from '../../../electron/core/desk/receiver/listen-policy.js';
import { resourcesDir } from '../support/temp-config.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { otherSecret, post, requestCreated, shippedSecret } from './support/backend-client.js';

const blockers: Server[] = [];
afterEach(async () => {
  await closeAllDesks();
  await Promise.all(blockers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function occupiedPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('where and whether the receiver listens', () => {
  it('listens on the configured loopback address and says where', async () => {
    const desk = await startDesk();
    const state = await desk.handlers['desk.getState']({});
    expect(state.receiver).toEqual({ listening: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/lobby\/v1$/) });
    expect(desk.states[0]?.receiver.listening).toBe(true);
  });

  it('a port already in use is a plain problem on the console, not a crash', async () => {
    const port = await occupiedPort();
    const desk = await startDesk({ device: (d) => (d.receiver.port = port) });
    const state = await desk.handlers['desk.getState']({});
    expect(state.receiver).toEqual({
      listening: false,
      problem: `port ${port} on 127.0.0.1 is already in use by another program, so kiosks cannot reach this desk`,
    });
    expect(desk.logs).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ code: 'EADDRINUSE', port }) }),
    );
    expect(await desk.handlers['desk.history']({ days: 7 })).toEqual([]);
  });

  it('refuses to listen on the network while it trusts the shipped demo secret', async () => {
    const desk = await startDesk({ device: (d) => (d.receiver.host = '0.0.0.0') });
    expect((await desk.handlers['desk.getState']({})).receiver).toEqual({
      listening: false,
      problem: 'replace the demo secret before listening on the network',
    });
  });

  it('serves HTTPS when receiver.tls names a certificate and key', async () => {
    const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
    const tls = { certFile: path.join(fixtures, 'test-desk-cert.pem'), keyFile: path.join(fixtures, 'test-desk-key.pem') };
    const desk = await startDesk({ device: (d) => (d.receiver.tls = tls) });
    expect(desk.url()).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/lobby\/v1$/);
    const ca = await readFile(tls.certFile, 'utf8');
    expect(await post(`${desk.url()}/requests`, requestCreated(), { ca })).toEqual({
      status: 200,
      json: { received: true, duplicate: false },
    });
    await expect(post(`${desk.url()}/requests`, requestCreated())).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('unreadable TLS files are a problem on the console', async () => {
    const desk = await startDesk({
      device: (d) => (d.receiver.tls = { certFile: '/nonexistent/cert.pem', keyFile: '/nonexistent/key.pem' }),
    });
    expect((await desk.handlers['desk.getState']({})).receiver).toEqual({
      listening: false,
      problem: expect.stringContaining('TLS certificate or key'),
    });
  });

  it('accepts messages signed with either secret during a key rotation', async () => {
    const desk = await startDesk({ device: (d) => (d.receiver.secrets = [shippedSecret, otherSecret]) });
    expect((await post(`${desk.url()}/requests`, requestCreated(), { secrets: [otherSecret] })).status).toBe(200);
    expect((await post(`${desk.url()}/requests`, requestCreated(), { secrets: [shippedSecret] })).status).toBe(200);
    expect((await post(`${desk.url()}/requests`, requestCreated(), { secrets: [otherSecret, shippedSecret] })).status).toBe(200);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(3);
  });

  it('after the rotation, the retired secret is refused', async () => {
    const desk = await startDesk({ device: (d) => (d.receiver.secrets = [otherSecret]) });
    expect((await post(`${desk.url()}/requests`, requestCreated(), { secrets: [shippedSecret] })).status).toBe(401);
  });

  it('ships configs with no secret in them: kiosks are paired instead', async () => {
    for (const name of ['desk', 'kiosk']) {
      const text = await readFile(path.join(resourcesDir, `config/${name}.json`), 'utf8');
      expect(text).not.toContain('whsec_');
    }
    expect(demoSecret).toBe(shippedSecret);
  });

  it('refuses to listen on the network with any secret from the config file, or without TLS', () => {
    expect(listenRefusal('0.0.0.0', [otherSecret], true)).toMatch(/pair each kiosk/);
    expect(listenRefusal('192.168.1.20', [], false)).toMatch(/needs TLS/);
    expect(listenRefusal('192.168.1.20', [], true)).toBeUndefined();
    expect(listenRefusal('127.0.0.1', [otherSecret], false)).toBeUndefined();
  });

  it('treats only loopback addresses as loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.20', '::', 'desk.local', '127.0.0.1.example.com'].some(isLoopbackHost)).toBe(false);
  });
});
