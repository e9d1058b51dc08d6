/**
 * The receiver's per-address connection limit
 * (electron/core/desk/receiver/connection-limits.ts) on a real server on
 * 127.0.0.1: exactly the limit is served, a closed connection frees its
 * place, and the log counts refusals without flooding.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { limitConnections } from '../../../electron/core/desk/receiver/connection-limits.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';

const sockets: Socket[] = [];
let server: Server | undefined;
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function limitedServer(maxConnectionsPerAddress: number) {
  const sink = memorySink();
  server = createServer((_req, res) => res.end('ok'));
  limitConnections(server, { maxConnections: 1000, maxConnectionsPerAddress }, createLogger('receiver', sink));
  // Heard after the limit's own listener: when one of these closes, the limit has counted it out.
  const accepted: Socket[] = [];
  server.on('connection', (socket: Socket) => accepted.push(socket));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, log: sink.entries, accepted };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    sockets.push(socket);
    socket.once('error', reject);
  });
}

/** True when the server closes the socket, false when it answers a request on it. */
function closedByServer(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve(true));
    socket.once('data', () => resolve(false));
    socket.write('GET / HTTP/1.1\r\nHost: desk\r\n\r\n');
  });
}

/** Closes a connection from the client's side and resolves once the server has seen it close. */
function closedOnBothSides(client: Socket, serverSide: Socket): Promise<void> {
  return new Promise((resolve) => {
    serverSide.once('close', () => resolve());
    client.destroy();
  });
}

describe('the per-address connection limit', () => {
  it('serves exactly the limit from one address and closes the next at once', async () => {
    const { port } = await limitedServer(2);
    const first = await open(port);
    const second = await open(port);
    const third = await open(port);
    expect(await closedByServer(third)).toBe(true);
    expect(await closedByServer(second)).toBe(false);
    expect(await closedByServer(first)).toBe(false);
  });

  it('gives a closed connection’s place to the next one, again and again', async () => {
    const { port, accepted } = await limitedServer(2);
    const held = await open(port);
    for (let round = 0; round < 3; round += 1) {
      const passing = await open(port);
      expect(await closedByServer(passing)).toBe(false);
      await closedOnBothSides(passing, accepted.at(-1)!);
    }
    expect(await closedByServer(held)).toBe(false);
    // The one still held counts: one more fits, the next does not.
    const oneMore = await open(port);
    expect(await closedByServer(await open(port))).toBe(true);
    expect(await closedByServer(oneMore)).toBe(false);
  });

  it('logs the first refusal and then every hundredth, as a count', async () => {
    const { port, log } = await limitedServer(1);
    await open(port);
    for (let n = 0; n < 100; n += 1) expect(await closedByServer(await open(port))).toBe(true);
    const refusals = log.filter((e) => e.message === 'refused connections over the per-address limit');
    expect(refusals.map((e) => [e.level, e.fields?.count])).toEqual([
      ['warn', 1],
      ['warn', 100],
    ]);
  });
});
