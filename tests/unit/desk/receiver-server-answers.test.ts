/**
 * The receiver's own answers and log (electron/core/desk/receiver/receiver-server.ts),
 * on a real https server on 127.0.0.1: the pairing calls' refusals, the 500
 * when the desk fails inside, where it says it listens, and why it does not.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../../electron/core/desk/receiver/receiver-server.js';
import { bindProblem, demoSecret, isLoopbackHost, listenRefusal } from '../../../electron/core/desk/receiver/listen-policy.js';
import { openReplayMemory } from '../../../electron/core/desk/receiver/replay-guard.js';
import type { ReceiverHandlers } from '../../../electron/core/desk/receiver/receiver-routes.js';
import type { TrustedSender } from '../../../electron/core/desk/receiver/answer-call.js';
import type { PairingResponder } from '../../../electron/core/pairing/pairing-responder.js';
import { createLogger, memorySink, type LogEntry } from '../../../electron/core/logger.js';
import { heartbeat, otherSecret, postReadingHeaders, shippedSecret } from './support/backend-client.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const certFile = path.join(fixtures, 'test-desk-cert.pem');
const keyFile = path.join(fixtures, 'test-desk-key.pem');

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** Only heartbeats are answered; every other call is not part of these tests. */
const handlers: ReceiverHandlers = {
  requestCreated: () => {
    throw new Error('not in this test');
  },
  statusQuery: () => {
    throw new Error('not in this test');
  },
  requestUpdated: () => {
    throw new Error('not in this test');
  },
  heartbeat: () => ({ body: { ok: true as const } }),
  hasRequest: () => false,
};

/** A pairing responder that knows one path and records what it was given. */
function recordingPairing(
  answer: PairingResponder['answer'] = (p) => (p === '/lobby/v1/pair/hello' ? { status: 200, body: { hi: true } } : undefined),
) {
  const calls: Array<[string, unknown]> = [];
  const responder: PairingResponder = {
    answer: (p, json) => {
      calls.push([p, json]);
      return answer(p, json);
    },
    confirm: () => false,
    pending: () => [],
  };
  return { responder, calls };
}

type Options = {
  host?: string;
  secrets?: string[];
  tls?: 'identity' | 'config' | 'none';
  pairing?: PairingResponder;
  senders?: () => TrustedSender[];
};

async function receiver(options: Options = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-receiver-'));
  const sink = memorySink();
  const listening: Array<{ host: string; port: number }> = [];
  const tls = options.tls ?? 'identity';
  const started: Receiver = await startReceiver({
    config: {
      host: options.host ?? '127.0.0.1',
      port: 0,
      secrets: options.secrets ?? [shippedSecret],
      maxConnections: 16,
      maxConnectionsPerAddress: 16,
      ...(tls === 'config' ? { tls: { certFile, keyFile } } : {}),
    },
    answer: {
      handlers,
      replays: await openReplayMemory(path.join(dir, 'replays.jsonl'), { now: Date.now, logger: createLogger('replays', sink) }),
      now: Date.now,
      senders: options.senders ?? (() => [{ secret: shippedSecret }]),
    },
    logger: createLogger('receiver', sink),
    ...(tls === 'identity' ? { tls: { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') } } : {}),
    ...(options.pairing ? { pairing: options.pairing } : {}),
    onListening: (address) => listening.push(address),
  });
  cleanup.push(async () => {
    await started.close();
    await rm(dir, { recursive: true, force: true });
  });
  const health = started.health();
  const url = health.listening ? health.url : undefined;
  return { health, url, log: sink.entries, listening, ca: await readFile(certFile, 'utf8') };
}

const logged = (log: LogEntry[], message: string) => log.filter((e) => e.message === message).map((e) => ({ level: e.level, ...e.fields }));

describe('the pairing calls under /lobby/v1/pair/', () => {
  it('are handed to the pairing responder as parsed JSON, and its answer is sent as JSON', async () => {
    const { responder, calls } = recordingPairing();
    const { url, ca } = await receiver({ pairing: responder });
    const answer = await postReadingHeaders(`${url}/pair/hello?x=1`, { nonce: 'abc' }, { ca });
    expect(answer).toMatchObject({ status: 200, json: { hi: true } });
    expect(answer.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    expect(calls).toEqual([['/lobby/v1/pair/hello', { nonce: 'abc' }]]);
  });

  it('are refused with 405 and an Allow header for any method but POST', async () => {
    const { responder, calls } = recordingPairing();
    const { url, ca } = await receiver({ pairing: responder });
    const answer = await postReadingHeaders(`${url}/pair/hello`, '', { ca, method: 'PUT' });
    expect(answer).toMatchObject({ status: 405, json: { error: 'method-not-allowed', message: 'use POST' } });
    expect(answer.headers.allow).toBe('POST');
    expect(calls).toEqual([]);
  });

  it('are refused with 413 beyond 8 KB, and the responder never sees them', async () => {
    const { responder, calls } = recordingPairing();
    const { url, ca } = await receiver({ pairing: responder });
    const small = await postReadingHeaders(`${url}/pair/hello`, { pad: 'x'.repeat(8 * 1024 - 20) }, { ca });
    expect(small.status).toBe(200);
    const big = await postReadingHeaders(`${url}/pair/hello`, { pad: 'x'.repeat(8 * 1024) }, { ca });
    expect(big).toMatchObject({ status: 413, json: { error: 'too-large', message: 'a pairing call is small' } });
    expect(calls).toHaveLength(1);
  });

  it('are refused with 400 when the body is not JSON', async () => {
    const { responder, calls } = recordingPairing();
    const { url, ca } = await receiver({ pairing: responder });
    const answer = await postReadingHeaders(`${url}/pair/hello`, '{"nonce":', { ca });
    expect(answer).toMatchObject({ status: 400, json: { error: 'bad-json', message: 'the body is not valid JSON' } });
    expect(calls).toEqual([]);
  });

  it('answer 404 for a pairing path the responder does not know', async () => {
    const { responder } = recordingPairing();
    const { url, ca } = await receiver({ pairing: responder });
    const answer = await postReadingHeaders(`${url}/pair/unknown`, {}, { ca });
    expect(answer).toMatchObject({ status: 404, json: { error: 'not-found', message: 'no such pairing path' } });
  });

  it('answer 500 when the responder fails inside, and the receiver keeps serving', async () => {
    const { responder } = recordingPairing(() => {
      throw new Error('broken');
    });
    const { url, ca } = await receiver({ pairing: responder });
    const answer = await postReadingHeaders(`${url}/pair/hello`, {}, { ca });
    expect(answer).toMatchObject({ status: 500, json: { error: 'internal', message: 'the desk could not handle this call' } });
    expect((await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca })).status).toBe(200);
  });

  it('are not served without TLS: a plain-http receiver treats the path as any other unknown path', async () => {
    const { responder, calls } = recordingPairing();
    const { url } = await receiver({ pairing: responder, tls: 'none' });
    expect(url).toMatch(/^http:\/\//);
    const answer = await postReadingHeaders(`${url}/pair/hello`, {}, {});
    expect(answer).toMatchObject({ status: 404, json: { error: 'not-found' } });
    expect(calls).toEqual([]);
  });
});

describe('the contract calls', () => {
  it('answer 500 and log it when the desk fails inside, without taking the receiver down', async () => {
    let broken = true;
    const { url, ca, log } = await receiver({
      senders: () => {
        if (broken) throw new Error('the trust store cannot be read');
        return [{ secret: shippedSecret }];
      },
    });
    const answer = await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca });
    expect(answer).toMatchObject({ status: 500, json: { error: 'internal', message: 'the desk could not handle this call' } });
    expect(logged(log, 'the receiver failed to answer a call')).toEqual([{ level: 'error', error: expect.any(String) }]);
    broken = false;
    expect((await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca })).status).toBe(200);
  });

  it('log each refusal with its status, code, method and message type, and no refusal for an accepted call', async () => {
    const { url, ca, log } = await receiver();
    await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca });
    expect(logged(log, 'the receiver refused a call')).toEqual([]);
    await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca, secrets: [demoSecret.replace('XG7', 'AAA')] });
    await postReadingHeaders(`${url}/nowhere`, {}, { ca, method: 'GET' });
    await postReadingHeaders(`${url}/heartbeats`, heartbeat('K1', 0), { ca, messageId: 'msg_twice' });
    await postReadingHeaders(`${url}/heartbeats`, heartbeat('K1', 5), { ca, messageId: 'msg_twice' });
    expect(logged(log, 'the receiver refused a call')).toEqual([
      { level: 'warn', status: 401, code: 'bad-signature', method: 'POST' },
      { level: 'warn', status: 404, code: 'not-found', method: 'GET' },
      { level: 'warn', status: 409, code: 'webhook-id-reused', method: 'POST', type: 'kiosk.heartbeat' },
    ]);
  });
});

describe('each refusal of a contract call', () => {
  it('carries a stable code and a sentence naming the problem', async () => {
    const { url, ca } = await receiver();
    const refusals = [
      [
        await postReadingHeaders(`${url}/nowhere`, heartbeat(), { ca }),
        404,
        'not-found',
        'no such path; the contract lives under /lobby/v1',
      ],
      [await postReadingHeaders(`${url}/heart%ZZbeats`, heartbeat(), { ca }), 400, 'bad-path', 'the path has a malformed percent-encoding'],
      [await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca, method: 'PUT' }), 405, 'method-not-allowed', 'use POST'],
      [
        await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca, contentType: 'text/plain' }),
        415,
        'unsupported-media-type',
        'send the body as application/json',
      ],
      [await postReadingHeaders(`${url}/heartbeats`, '{"type":', { ca }), 400, 'bad-json', 'the body is not valid JSON'],
    ] as const;
    for (const [answer, status, error, message] of refusals) {
      expect(answer, error).toMatchObject({ status, json: { error, message } });
      expect(answer.headers.allow, error).toBe(status === 405 ? 'POST' : undefined);
    }
  });

  it('refuses a webhook-id used before for another message with 409, and says so', async () => {
    const { url, ca } = await receiver();
    expect((await postReadingHeaders(`${url}/heartbeats`, heartbeat('K1', 0), { ca, messageId: 'msg_once' })).status).toBe(200);
    expect(await postReadingHeaders(`${url}/heartbeats`, heartbeat('K1', 2), { ca, messageId: 'msg_once' })).toMatchObject({
      status: 409,
      json: { error: 'webhook-id-reused', message: 'this webhook-id was already used for a different message' },
    });
  });

  it('takes a JSON media type written in any case, with parameters, and a path with a query', async () => {
    const { url, ca } = await receiver();
    const answer = await postReadingHeaders(`${url}/heartbeats?from=K1`, heartbeat(), {
      ca,
      contentType: ' Application/JSON ; charset=utf-8',
    });
    expect(answer).toMatchObject({ status: 200, json: { ok: true } });
  });
});

describe('where the receiver listens', () => {
  it("with the desk's own certificate, serves https, says where in its health and log, and tells the pairing screen", async () => {
    const { url, listening, log } = await receiver();
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/lobby\/v1$/);
    const port = Number(new URL(url!).port);
    expect(listening).toEqual([{ host: '127.0.0.1', port }]);
    expect(logged(log, 'the receiver is listening')).toEqual([{ level: 'info', host: '127.0.0.1', port, url }]);
  });

  it('with TLS files from the config, serves https too', async () => {
    const { url, ca } = await receiver({ tls: 'config' });
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/lobby\/v1$/);
    expect((await postReadingHeaders(`${url}/heartbeats`, heartbeat(), { ca })).status).toBe(200);
  });

  it('says on the console, and logs with its code, that the TLS files from the config cannot be read', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lobby-receiver-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const sink = memorySink();
    const started = await startReceiver({
      config: {
        host: '127.0.0.1',
        port: 0,
        secrets: [],
        maxConnections: 16,
        maxConnectionsPerAddress: 16,
        tls: { certFile: path.join(dir, 'missing-cert.pem'), keyFile },
      },
      answer: {
        handlers,
        replays: await openReplayMemory(path.join(dir, 'replays.jsonl'), { now: Date.now, logger: createLogger('replays', sink) }),
        now: Date.now,
        senders: () => [],
      },
      logger: createLogger('receiver', sink),
    });
    cleanup.push(() => started.close());
    expect(started.health()).toEqual({ listening: false, problem: 'the TLS certificate or key file in receiver.tls could not be read' });
    expect(logged(sink.entries, 'the receiver could not read its TLS certificate or key')).toEqual([
      { level: 'error', error: expect.any(String), code: 'ENOENT' },
    ]);
  });

  it('listens without anyone to tell, and closes after failing to listen as after listening', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lobby-receiver-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    for (const host of ['127.0.0.1', '192.0.2.1']) {
      const started = await startReceiver({
        config: { host, port: 0, secrets: [], maxConnections: 16, maxConnectionsPerAddress: 16 },
        answer: {
          handlers,
          replays: await openReplayMemory(path.join(dir, `${host}.jsonl`), {
            now: Date.now,
            logger: createLogger('replays', memorySink()),
          }),
          now: Date.now,
          senders: () => [],
        },
        logger: createLogger('receiver', memorySink()),
        tls: { certPem: await readFile(certFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') },
      });
      expect(started.health().listening).toBe(host === '127.0.0.1');
      await started.close();
    }
  });

  it('puts an IPv6 address in brackets in its URL', async () => {
    const { url } = await receiver({ host: '::1', tls: 'none' });
    expect(url).toMatch(/^http:\/\/\[::1\]:\d+\/lobby\/v1$/);
  });

  it('says plainly that an address not on this computer cannot be used, and logs the code', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this computer.
    const { health, listening, log } = await receiver({ host: '192.0.2.1', secrets: [] });
    expect(health).toEqual({
      listening: false,
      problem: '192.0.2.1 is not an address of this computer; check receiver.host in the desk configuration',
    });
    expect(listening).toEqual([]);
    expect(logged(log, 'the receiver could not listen')).toEqual([{ level: 'error', host: '192.0.2.1', port: 0, code: 'EADDRNOTAVAIL' }]);
  });

  it('logs why it will not listen: the demo secret, or the policy', async () => {
    const demo = await receiver({ host: '0.0.0.0', secrets: [demoSecret] });
    expect(demo.health).toEqual({ listening: false, problem: 'replace the demo secret before listening on the network' });
    expect(logged(demo.log, 'the receiver will not listen')).toEqual([{ level: 'error', host: '0.0.0.0', reason: 'demo-secret' }]);
    const plain = await receiver({ host: '0.0.0.0', secrets: [], tls: 'none' });
    expect(plain.health).toEqual({ listening: false, problem: 'the receiver needs TLS to listen on the network' });
    expect(logged(plain.log, 'the receiver will not listen')).toEqual([{ level: 'error', host: '0.0.0.0', reason: 'policy' }]);
  });
});

describe('what the console says when the address cannot be bound', () => {
  it('names the port for a port in use or not allowed, the host for an address not here, and both otherwise', () => {
    expect(bindProblem('EADDRINUSE', '10.0.0.5', 4790)).toBe(
      'port 4790 on 10.0.0.5 is already in use by another program, so kiosks cannot reach this desk',
    );
    expect(bindProblem('EADDRNOTAVAIL', '10.0.0.5', 4790)).toBe(
      '10.0.0.5 is not an address of this computer; check receiver.host in the desk configuration',
    );
    expect(bindProblem('EACCES', '10.0.0.5', 443)).toBe(
      'this computer does not allow the app to listen on port 443; choose a port above 1024',
    );
    expect(bindProblem('EMFILE', '10.0.0.5', 4790)).toBe('the receiver could not listen on 10.0.0.5:4790');
    expect(bindProblem(undefined, '10.0.0.5', 4790)).toBe('the receiver could not listen on 10.0.0.5:4790');
  });
});

describe('the listen policy', () => {
  it('takes off only the one pair of brackets around an IPv6 address', () => {
    expect(isLoopbackHost('[::1]')).toBe(true);
    for (const host of ['[[::1]', '[::1]]']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('assumes TLS when the caller does not say', () => {
    expect(listenRefusal('192.168.1.20', [])).toBeUndefined();
  });
});

describe('a call no paired kiosk signed', () => {
  const paired = () => [{ secret: shippedSecret, kioskId: 'K1' }];
  const unsigned = { ca: '', secrets: [otherSecret] };

  it('is refused as from an unknown kiosk when it names a kiosk that is not paired', async () => {
    const { url, ca } = await receiver({ senders: paired });
    expect(await postReadingHeaders(`${url}/heartbeats`, heartbeat('K9'), { ...unsigned, ca })).toMatchObject({
      status: 401,
      json: { error: 'unknown-kiosk', message: 'no kiosk with this id is paired with this desk' },
    });
  });

  it('is a bad signature when it names a paired kiosk, or names none it could be read from', async () => {
    const { url, ca } = await receiver({ senders: paired });
    const bodies: Array<object | string> = [heartbeat('K1'), '{"kiosk":', 'null', '[]', '{}', { kiosk: { id: 42 } }];
    for (const body of bodies) {
      const answer = await postReadingHeaders(`${url}/heartbeats`, body, { ...unsigned, ca });
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 401, json: { error: 'bad-signature' } });
    }
  });

  it('is a bad signature whatever kiosk it names while a configured secret may sign for any kiosk', async () => {
    const { url, ca } = await receiver({ senders: () => [{ secret: shippedSecret }, { secret: shippedSecret, kioskId: 'K1' }] });
    const answer = await postReadingHeaders(`${url}/heartbeats`, heartbeat('K9'), { ...unsigned, ca });
    expect(answer).toMatchObject({ status: 401, json: { error: 'bad-signature' } });
  });

  it('is refused for its stale timestamp, not as from an unknown kiosk, whoever it names', async () => {
    const { url, ca } = await receiver({ senders: paired });
    const stale = new Date(Date.now() - 10 * 60_000);
    expect(await postReadingHeaders(`${url}/heartbeats`, heartbeat('K9'), { ...unsigned, ca, signedAt: stale })).toMatchObject({
      status: 401,
      json: { error: 'stale-timestamp' },
    });
  });

  it("is refused with 403 and a sentence when a paired kiosk's secret speaks for another kiosk", async () => {
    const { url, ca } = await receiver({ senders: paired });
    expect(await postReadingHeaders(`${url}/heartbeats`, heartbeat('K2'), { ca })).toMatchObject({
      status: 403,
      json: { error: 'wrong-kiosk', message: 'this secret belongs to another kiosk' },
    });
  });

  it('with no kiosk paired at all, names the kiosk unknown, or says no paired kiosk signed it', async () => {
    const { url, ca } = await receiver({ senders: () => [] });
    expect((await postReadingHeaders(`${url}/heartbeats`, heartbeat('K1'), { ca })).json).toMatchObject({ error: 'unknown-kiosk' });
    expect(await postReadingHeaders(`${url}/heartbeats`, '{}', { ca })).toMatchObject({
      status: 401,
      json: { error: 'bad-signature', message: 'no signature matched any paired kiosk' },
    });
  });
});
