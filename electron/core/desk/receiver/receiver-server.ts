/**
 * The desk's HTTP(S) receiver: kiosks POST the backend-call contract to it.
 * It answers at once (the desk stores before answering; alerts and the
 * console refresh come after) and never crashes the app when it cannot
 * listen: the console shows the reason instead.
 */
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DeskState } from '../../../../shared/desk.js';
import type { DeskDeviceConfig } from '../../../../shared/config.js';
import type { Logger } from '../../logger.js';
import { signAnswer } from '../../../../shared/backend/signing.js';
import { answerCall, type AnswerOptions, type ReceiverAnswer } from './answer-call.js';
import { bindProblem, demoSecret, listenRefusal } from './listen-policy.js';
import { pairBasePath } from '../../pairing/pairing-messages.js';
import type { PairingResponder } from '../../pairing/pairing-responder.js';
import { limitConnections } from './connection-limits.js';
import { parseJsonBody, readBody } from '../../http/read-body.js';
import { receiverBasePath } from './receiver-routes.js';

export type ReceiverHealth = DeskState['receiver'];

export type Receiver = { health(): ReceiverHealth; close(): Promise<void> };

export const bodyLimitBytes = 64 * 1024;

/** How often Node checks requests against their header and request timeouts (its default is 30 s). */
export const connectionsCheckingIntervalMs = 1000;

/**
 * Writes one answer. An answer to a verified call is signed over the exact
 * bytes sent, with the secret that verified the call and bound to its
 * webhook-id: a kiosk believes "received" or "acknowledged" only from the
 * desk that holds its secret, and only as the answer to what it asked.
 */
function send(response: ServerResponse, answer: ReceiverAnswer) {
  const body = JSON.stringify(answer.body);
  // Stamped with the wall clock, not the desk's injected one: the kiosk's Standard Webhooks check compares the
  // timestamp with its wall clock, as this receiver's check of the kiosk's messages does (verifyMessage).
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...answer.headers,
    ...(answer.signWith ? signAnswer([answer.signWith.secret], answer.signWith.messageId, body, new Date()) : {}),
  };
  if (answer.status === 405) headers.allow = 'POST';
  response.writeHead(answer.status, headers).end(body);
}

/** TLS from the config's files, else from the desk's own identity; plain HTTP only for a desk without one (tests). */
async function createServer(config: DeskDeviceConfig['receiver'], identityTls: TlsMaterial | undefined): Promise<http.Server> {
  if (config.tls) {
    const [cert, key] = await Promise.all([readFile(config.tls.certFile), readFile(config.tls.keyFile)]);
    return https.createServer({ cert, key, minVersion: 'TLSv1.2', connectionsCheckingInterval: connectionsCheckingIntervalMs });
  }
  if (identityTls)
    return https.createServer({
      cert: identityTls.certPem,
      key: identityTls.keyPem,
      minVersion: 'TLSv1.2',
      connectionsCheckingInterval: connectionsCheckingIntervalMs,
    });
  return http.createServer({ connectionsCheckingInterval: connectionsCheckingIntervalMs });
}

export type TlsMaterial = { certPem: string; keyPem: string };

/** A pairing call: POST, JSON, small. */
async function answerPairing(request: IncomingMessage, pairing: PairingResponder): Promise<ReceiverAnswer> {
  const path = new URL(request.url ?? '/', 'https://receiver').pathname;
  if (request.method !== 'POST') return { status: 405, body: { error: 'method-not-allowed', message: 'use POST' } };
  const body = await readBody(request, 8 * 1024);
  if (!body.ok) return { status: 413, body: { error: 'too-large', message: 'a pairing call is small' } };
  const json = parseJsonBody(body.text);
  if (!json.ok) return { status: 400, body: { error: 'bad-json', message: 'the body is not valid JSON' } };
  return pairing.answer(path, json.value) ?? { status: 404, body: { error: 'not-found', message: 'no such pairing path' } };
}

/**
 * Starts listening on receiver.host:port. Resolves once listening or once it
 * is clear it cannot (the health then says why); `onHealth` hears later changes.
 */
export async function startReceiver(options: {
  config: DeskDeviceConfig['receiver'];
  answer: Omit<AnswerOptions, 'bodyLimit'>;
  logger: Logger;
  /** The desk identity's certificate, used when the config names no TLS files. */
  tls?: TlsMaterial;
  /** The pairing calls under /lobby/v1/pair/ (unsigned: no secret exists yet). */
  pairing?: PairingResponder;
  /** Where it listens, once it does (for the pairing code screen). */
  onListening?: (address: { host: string; port: number }) => void;
}): Promise<Receiver> {
  const { config, logger } = options;
  const refusal = listenRefusal(config.host, config.secrets, Boolean(config.tls ?? options.tls));
  if (refusal) {
    logger.error('the receiver will not listen', {
      host: config.host,
      reason: config.secrets.includes(demoSecret) ? 'demo-secret' : 'policy',
    });
    return { health: () => ({ listening: false, problem: refusal }), close: async () => {} };
  }
  let server: http.Server;
  try {
    server = await createServer(config, options.tls);
  } catch (error) {
    logger.error('the receiver could not read its TLS certificate or key', {
      error: error as Error,
      code: (error as NodeJS.ErrnoException).code,
    });
    return {
      health: () => ({ listening: false, problem: 'the TLS certificate or key file in receiver.tls could not be read' }),
      close: async () => {},
    };
  }
  const answerOptions: AnswerOptions = {
    ...options.answer,
    bodyLimit: bodyLimitBytes,
  };
  const tlsOn = server instanceof https.Server;
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  limitConnections(server, config, logger);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const pairing = options.pairing;
    if (pairing && tlsOn && (request.url ?? '').startsWith(`${pairBasePath}/`)) {
      answerPairing(request, pairing).then(
        (answer) => send(response, answer),
        () => send(response, { status: 500, body: { error: 'internal', message: 'the desk could not handle this call' } }),
      );
      return;
    }
    answerCall(request, answerOptions).then(
      (answer) => {
        send(response, answer);
        if (answer.status >= 400) {
          const code = (answer.body as { error?: string }).error ?? 'unknown';
          const fields = { status: answer.status, code, method: request.method ?? 'unknown' };
          logger.warn('the receiver refused a call', answer.type ? { ...fields, type: answer.type } : fields);
        }
        if (answer.after) setImmediate(answer.after);
      },
      (error: unknown) => {
        logger.error('the receiver failed to answer a call', { error: error as Error });
        if (!response.headersSent && !response.destroyed)
          send(response, { status: 500, body: { error: 'internal', message: 'the desk could not handle this call' } });
      },
    );
  });

  const health = await new Promise<ReceiverHealth>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      logger.error('the receiver could not listen', { host: config.host, port: config.port, code: error.code });
      resolve({ listening: false, problem: bindProblem(error.code, config.host, config.port) });
    });
    server.listen(config.port, config.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      const url = `${tlsOn ? 'https' : 'http'}://${host}:${port}${receiverBasePath}`;
      logger.info('the receiver is listening', { host: config.host, port, url });
      options.onListening?.({ host: config.host, port });
      resolve({ listening: true, url });
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => logger.error('receiver error', { code: error.code }));

  return {
    health: () => health,
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => void options.answer.replays.flush().then(resolve);
        // A server that never listened calls back at once (with ERR_SERVER_NOT_RUNNING): the replays are flushed either way.
        server.close(done);
        server.closeAllConnections();
      }),
  };
}
