/**
 * The one body reader of the app's two HTTP servers (the browser host's
 * bridge and the desk's receiver), and the one JSON parser of what they read
 * and of the answers the kiosk's sender reads back (delivery/http-post.ts).
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads a request's raw body as UTF-8, up to `limit` bytes. A larger body is
 * drained without being kept, so the sender still gets a clean 413 answer;
 * one far beyond the limit is cut off.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > limit * 16) {
        request.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(new Error('the sender closed the connection before the body ended'));
    });
  });
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

/** Parses a request body read by readBody as JSON; `{ ok: false }` for anything that is not JSON. */
export function parseJsonBody(text: string): JsonBody {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
