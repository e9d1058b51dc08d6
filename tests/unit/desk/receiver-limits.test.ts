import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { post, requestCreated } from './support/backend-client.js';

const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await closeAllDesks();
});

/** Opens a raw TCP connection from `localAddress` (any 127.x address is this machine) and resolves once it is connected. */
function open(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(socket));
    sockets.push(socket);
    socket.once('error', reject);
  });
}

/** Resolves true when the server closes the socket, false when it is still open after a request on it is answered. */
function closedByServer(socket: Socket, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve(true));
    socket.once('data', () => resolve(false));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: desk\r\n\r\n`);
  });
}

const portOf = (url: string) => Number(new URL(url).port);

/** The raw status of a request whose path is sent exactly as given (no client-side normalising). */
function rawStatus(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('the receiver limits the connections it holds open', () => {
  it('one address gets at most maxConnectionsPerAddress connections; the next is closed at once', async () => {
    const desk = await startDesk({ device: (d) => (d.receiver.maxConnectionsPerAddress = 3) });
    const port = portOf(desk.url());
    const held = [await open(port), await open(port), await open(port)];
    const extra = await open(port);
    expect(await closedByServer(extra, '/lobby/v1/requests')).toBe(true);
    // The ones within the cap are still served.
    expect(await closedByServer(held[0]!, '/lobby/v1/requests')).toBe(false);
    // Another address is not held back by the first one's sockets.
    expect(await closedByServer(await open(port, '127.0.0.2'), '/lobby/v1/requests')).toBe(false);
    expect(desk.logs).toContainEqual(expect.objectContaining({ message: 'refused connections over the per-address limit' }));
  });

  it('beyond maxConnections in all, a new connection from any address is dropped', async () => {
    const desk = await startDesk({ device: (d) => (d.receiver.maxConnections = 2) });
    const port = portOf(desk.url());
    await open(port, '127.0.0.2');
    await open(port, '127.0.0.3');
    expect(await closedByServer(await open(port, '127.0.0.4'), '/lobby/v1/requests')).toBe(true);
  });

  it('a path with malformed percent-encoding is a 400, not a 500', async () => {
    const desk = await startDesk();
    for (const path of ['/lobby/v1/%E0%A4%A', '/lobby/v1/req%zzuests', '/lobby/v1/%']) expect(await rawStatus(desk.url(), path)).toBe(400);
    expect(await rawStatus(desk.url(), '/lobby/v1/constructor')).toBe(404);
  });

  it('more new requests from one kiosk than limits.requestsPerKioskPerMinute are answered 429 with Retry-After, and not stored', async () => {
    const desk = await startDesk({ device: (d) => (d.limits.requestsPerKioskPerMinute = 3) });
    const url = `${desk.url()}/requests`;
    for (let i = 0; i < 3; i += 1) expect((await post(url, requestCreated())).status).toBe(200);
    const fourth = await post(url, requestCreated());
    expect(fourth).toMatchObject({ status: 429, json: { error: 'rate-limited' } });
    expect(Number(fourth.headers?.['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another kiosk has its own allowance.
    expect((await post(url, requestCreated({ kiosk: { id: 'K2', location: 'Lobby kiosk 2' } }))).status).toBe(200);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(4);
  });
});
