/**
 * A Microsoft Teams Workflows webhook ("When a Teams webhook request is
 * received") on loopback. It accepts only what the documentation describes:
 * a JSON `message` whose attachments are Adaptive Cards, and answers 202. A
 * wrong shape gets Power Automate's error JSON, as the real trigger does.
 * `legacy: true` plays an Office 365 connector: 200 "1" on success.
 */
import { json, startLoopbackHttp, text, type LoopbackHttp, type ReceivedRequest, type Reply } from './loopback-http.js';

type Card = { type?: unknown; version?: unknown; body?: unknown };
type Envelope = { type?: unknown; attachments?: Array<{ contentType?: unknown; content?: Card }> };

export type FakeTeams = LoopbackHttp & {
  /** The webhook URL, secret part included: what a department pastes into the config. */
  readonly url: string;
  readonly secret: string;
  /** Answers to use, in order, before normal behaviour resumes; "hang" never answers. */
  readonly script: Array<Reply | 'hang'>;
  /** The cards received and accepted. */
  readonly cards: Card[];
};

function shapeProblem(request: ReceivedRequest): string | undefined {
  if (request.method !== 'POST') return 'method';
  if (!String(request.headers['content-type']).startsWith('application/json')) return 'content-type';
  let envelope: Envelope;
  try {
    envelope = JSON.parse(request.body) as Envelope;
  } catch {
    return 'json';
  }
  if (envelope.type !== 'message' || !Array.isArray(envelope.attachments) || envelope.attachments.length === 0) return 'envelope';
  for (const attachment of envelope.attachments) {
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return 'contentType';
    const card = attachment.content;
    if (card?.type !== 'AdaptiveCard' || typeof card.version !== 'string' || !/^1\.[0-6]$/.test(card.version)) return 'card';
    if (!Array.isArray(card.body) || card.body.length === 0) return 'body';
    for (const element of card.body as Array<{ type?: unknown; text?: unknown }>) {
      if (element.type === 'TextBlock' && (typeof element.text !== 'string' || element.text.length === 0)) return 'TextBlock';
    }
  }
  return undefined;
}

export async function startFakeTeams(options: { legacy?: boolean } = {}): Promise<FakeTeams> {
  const secret = 'sig=TEAMS-SECRET-4f1e9c';
  const path = `/workflows/6d2f0b/triggers/manual/paths/invoke?api-version=1&${secret}`;
  const script: Array<Reply | 'hang'> = [];
  const cards: Card[] = [];
  const server = await startLoopbackHttp((request) => {
    const scripted = script.shift();
    if (scripted === 'hang') return undefined;
    if (scripted) return scripted;
    if (request.path !== path) return json(404, { error: { code: 'WorkflowNotFound', message: 'The workflow could not be found.' } });
    const problem = shapeProblem(request);
    if (problem) {
      return json(400, {
        error: {
          code: 'TriggerInputSchemaMismatch',
          message: `The input body for trigger 'manual' of type 'Request' did not match its schema (${problem}).`,
        },
      });
    }
    for (const attachment of (JSON.parse(request.body) as Envelope).attachments ?? [])
      if (attachment.content) cards.push(attachment.content);
    return options.legacy ? text(200, '1') : { status: 202 };
  });
  return Object.assign(server, { url: `${server.baseUrl}${path}`, secret, script, cards });
}
