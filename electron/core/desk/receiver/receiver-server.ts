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
import { answerCall, type AnswerOptions, type ReceiverAnswer } from './answer-call.js';
import { bindProblem, listenRefusal } from './listen-policy.js';
import { receiverBasePath } from './receiver-routes.js';

export type ReceiverHealth = DeskState['receiver'];

export type Receiver = { health(): ReceiverHealth; close(): Promise<void> };

export const bodyLimitBytes = 64 * 1024;

function send(response: ServerResponse, answer: ReceiverAnswer) {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  if (answer.status === 405) headers.allow = 'POST';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}

async function createServer(config: DeskDeviceConfig['receiver']): Promise<http.Server> {
  if (!config.tls) return http.createServer();
  const [cert, key] = await Promise.all([readFile(config.tls.certFile), readFile(config.tls.keyFile)]);
  return https.createServer({ cert, key });
}

/**
 * Starts listening on receiver.host:port. Resolves once listening or once it
 * is clear it cannot (the health then says why); `onHealth` hears later changes.
 */
export async function startReceiver(options: {
  config: DeskDeviceConfig['receiver'];
  answer: Omit<AnswerOptions, 'bodyLimit' | 'secrets'>;
  logger: Logger;
}): Promise<Receiver> {
  const { config, logger } = options;
  const refusal = listenRefusal(config.host, config.secrets);
  if (refusal) {
    logger.error('the receiver will not listen', { host: config.host, reason: 'demo-secret' });
    return { health: () => ({ listening: false, problem: refusal }), close: async () => {} };
  }
  let server: http.Server;
  try {
    server = await createServer(config);
  } catch (error) {
    logger.error('the receiver could not read its TLS certificate or key', { error: error as Error, code: (error as NodeJS.ErrnoException).code });
    return { health: () => ({ listening: false, problem: 'the TLS certificate or key file in receiver.tls could not be read' }), close: async () => {} };
  }
  const answerOptions: AnswerOptions = { ...options.answer, secrets: config.secrets, bodyLimit: bodyLimitBytes };
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
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
        if (!response.headersSent && !response.destroyed) send(response, { status: 500, body: { error: 'internal', message: 'the desk could not handle this call' } });
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
      const url = `${config.tls ? 'https' : 'http'}://${host}:${port}${receiverBasePath}`;
      logger.info('the receiver is listening', { host: config.host, port, url });
      resolve({ listening: true, url });
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => logger.error('receiver error', { code: error.code }));

  return {
    health: () => health,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
