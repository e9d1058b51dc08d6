import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipcRoute, eventNames, type EventName } from '../../shared/contract.js';
import { dispatchCall } from '../../shared/dispatch.js';
import type { Core } from '../core/create-core.js';
import { parseJsonBody, readBody } from '../core/http/read-body.js';
import type { Logger } from '../core/logger.js';

const maxBodyBytes = 64 * 1024;
const keepAliveMs = 15_000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * POST api/call/<name>: the contract's calls over HTTP. The body is the call's
 * input as JSON; the answer is the same CallResult envelope IPC returns, and
 * validation is the same `dispatchCall` main uses.
 */
export async function handleCall(req: IncomingMessage, res: ServerResponse, name: string, core: Core, log: Logger) {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(res, 415, { ok: false, error: { code: 'invalid-input', message: 'send Content-Type: application/json' } });
    return;
  }
  const body = await readBody(req, maxBodyBytes);
  if (!body.ok) {
    sendJson(res, 413, { ok: false, error: { code: 'invalid-input', message: `body larger than ${maxBodyBytes} bytes` } });
    return;
  }
  const input = body.text.length === 0 ? { ok: true as const, value: {} } : parseJsonBody(body.text);
  if (!input.ok) {
    sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'body is not valid JSON' } });
    return;
  }
  const result = await dispatchCall(core.handlers, name, input.value, (call, error) => {
    log.error('call failed', { call, kind: error instanceof Error ? error.name : typeof error });
  });
  const status = result.ok ? 200 : result.error.code === 'unknown-call' ? 404 : result.error.code === 'invalid-input' ? 400 : 500;
  sendJson(res, status, result);
}

/** GET api/events: the contract's events as server-sent events, one `event:` per contract event name. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, core: Core): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = core.events.subscribe((name: EventName, payload) => {
    if (!eventNames.includes(name)) return;
    res.write(`event: ${ipcRoute.event(name)}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
