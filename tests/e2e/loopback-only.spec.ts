import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { test, expect } from './support/fixtures.js';

/** Resolves "connected" or the connection error's code. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** This machine's addresses other than loopback (link-local IPv6 needs a scope, so it is left out). */
function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && !info.internal && !info.address.startsWith('fe80:'))
    .map((info) => info!.address);
}

test('the browser host listens on 127.0.0.1 only', async ({ origin }) => {
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const port = Number(new URL(origin).port);
  expect(await tryConnect('127.0.0.1', port), 'control: loopback connects').toBe('connected');
  expect(await tryConnect('::1', port), 'IPv6 loopback is not served either').not.toBe('connected');

  const addresses = nonLoopbackAddresses();
  test.skip(addresses.length === 0, 'this machine has no non-loopback address to try');
  for (const address of addresses) {
    expect(await tryConnect(address, port), `${address}:${port}`).toBe('ECONNREFUSED');
  }
});
