/**
 * A test page to a channel that never answers. The admin's test page gives
 * each attempt its own time limit (an `AbortSignal.timeout`) beside the
 * channel's; whichever runs out first, the admin must read that the channel
 * timed out, not that the page was "aborted" (which means the kiosk itself
 * was closing: that is still said so).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agencyProfileSchema, type ChannelConfig } from '../../../shared/config.js';
import { createChannelResults } from '../../../electron/core/admin/channel-results.js';
import { sendTestPage, testRequestOf } from '../../../electron/core/admin/test-page.js';
import { createChannelSender } from '../../../electron/core/delivery/channel-sender-factory.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { kioskConfig, testSecret } from '../kiosk/support/kiosk-harness.js';
import { resourcesDir } from '../support/temp-config.js';

/** A TCP server on 127.0.0.1 that takes connections and never says a word: an HTTP receiver or mail server that hangs. */
async function silentServer(): Promise<{ port: number; connected(count: number): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const waiting = new Set<() => void>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    connections += 1;
    for (const wake of waiting) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    /** Resolves once `count` connections have come in. */
    connected: (count) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (connections < count) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      }),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The webhook and email channels, both pointing at one server that hangs. */
async function hangingChannels() {
  const silent = await silentServer();
  servers.push(silent);
  const device = kioskConfig({
    channels: [
      { id: 'cad', type: 'webhook', url: `http://127.0.0.1:${silent.port}/requests`, secret: testSecret },
      {
        id: 'email',
        type: 'smtp',
        host: '127.0.0.1',
        port: silent.port,
        security: 'none',
        from: 'kiosk@pd.example',
        to: ['duty@pd.example'],
      },
    ],
  });
  return { silent, channels: device.delivery.channels };
}

/** The request the kiosk's test page sends. */
async function testRequest() {
  const profile = agencyProfileSchema.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
  );
  return testRequestOf(kioskConfig({ channels: [] }), profile, Date.now());
}

const senderDeps = (timeoutMs: number) => ({
  logger: createLogger('kiosk', memorySink()),
  kioskId: 'K1',
  now: () => Date.now(),
  timeoutMs,
});

/** The kiosk's test page with the channels' own time limit `channelMs` and the test page's `pageMs`. */
async function testPageTo(channels: readonly ChannelConfig[], times: { channelMs: number; pageMs: number }) {
  const deps = senderDeps(times.channelMs);
  return sendTestPage({
    senders: channels.map((channel) => createChannelSender(channel, deps)),
    channelId: undefined,
    request: await testRequest(),
    results: createChannelResults(),
    now: () => Date.now(),
    logger: deps.logger,
    timeoutMs: times.pageMs,
  });
}

describe('a test page to a channel that hangs', () => {
  it("reports that it timed out when the test page's own time limit runs out first", async () => {
    const results = await testPageTo((await hangingChannels()).channels, { channelMs: 10_000, pageMs: 300 });
    expect(results).toEqual([
      { channelId: 'cad', type: 'webhook', outcome: 'failed', reason: 'timeout' },
      { channelId: 'email', type: 'smtp', outcome: 'failed', reason: 'timeout' },
    ]);
  });

  it("reports that it timed out when the channel's time limit runs out first", async () => {
    const results = await testPageTo((await hangingChannels()).channels, { channelMs: 300, pageMs: 10_000 });
    expect(results.map((result) => result.reason)).toEqual(['timeout', 'timeout']);
  });
});

describe('an attempt to a channel that hangs', () => {
  it('cancelled by the kiosk closing is reported as aborted, not as a slow channel', async () => {
    const { silent, channels } = await hangingChannels();
    const request = await testRequest();
    const closing = new AbortController();
    const attempts = channels.map((channel) => createChannelSender(channel, senderDeps(10_000)).deliver(request, closing.signal));
    // Both attempts are waiting on the silent server when the kiosk closes.
    await silent.connected(2);
    closing.abort();
    expect(await Promise.all(attempts)).toEqual([
      { outcome: 'retry', reason: 'aborted' },
      { outcome: 'retry', reason: 'aborted' },
    ]);
  });
});
