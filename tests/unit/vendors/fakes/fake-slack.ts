/**
 * A Slack incoming webhook on loopback, answering as Slack documents: 200
 * "ok"; 400 "invalid_payload" for a body that is not JSON, 400 "no_text" when
 * there is neither text nor blocks; 404 "no_service" for a URL that is not
 * (or no longer) a webhook.
 */
import { startLoopbackHttp, text, type LoopbackHttp, type Reply } from './loopback-http.js';

export type FakeSlack = LoopbackHttp & {
  readonly url: string;
  readonly secret: string;
  readonly script: Array<Reply | 'hang'>;
  /** The payloads received and accepted. */
  readonly messages: Array<{ text?: string; blocks?: unknown[] }>;
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const secret = 'SLACKSECRETabc123xyz';
  const path = `/services/T0001/B0001/${secret}`;
  const script: Array<Reply | 'hang'> = [];
  const messages: Array<{ text?: string; blocks?: unknown[] }> = [];
  const server = await startLoopbackHttp((request) => {
    const scripted = script.shift();
    if (scripted === 'hang') return undefined;
    if (scripted) return scripted;
    if (request.method !== 'POST' || request.path !== path) return text(404, 'no_service');
    if (!String(request.headers['content-type']).startsWith('application/json')) return text(400, 'invalid_payload');
    let payload: { text?: unknown; blocks?: unknown };
    try {
      payload = JSON.parse(request.body) as { text?: unknown; blocks?: unknown };
    } catch {
      return text(400, 'invalid_payload');
    }
    const hasText = typeof payload.text === 'string' && payload.text.length > 0;
    if (!hasText && !Array.isArray(payload.blocks)) return text(400, 'no_text');
    messages.push(payload as { text?: string; blocks?: unknown[] });
    return text(200, 'ok');
  });
  return Object.assign(server, { url: `${server.baseUrl}${path}`, secret, script, messages });
}
