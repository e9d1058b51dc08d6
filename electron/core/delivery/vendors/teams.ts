/**
 * Microsoft Teams: an Adaptive Card posted to a Workflows webhook ("When a
 * Teams webhook request is received") or to a legacy incoming webhook. The
 * URL is the secret: it never reaches a log line or a reason.
 */
import type { ChannelConfig } from '../../../../shared/config.js';
import { classifyHttpStatus, type AttemptResult, type PageMessage, type PageSender } from '../attempt.js';
import { formatPage } from './page-text.js';
import { jsonWebhookSender, safeToken, type VendorAnswer } from './vendor-post.js';
import type { VendorDeps } from './vendor-deps.js';

type TeamsChannel = Extract<ChannelConfig, { type: 'teams' }>;

/** The documented envelope: a message with one Adaptive Card attachment. */
export function teamsPayload(message: PageMessage): object {
  const page = formatPage(message);
  const urgent = message.priority === 'emergency' || message.escalation;
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: page.title,
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              ...(urgent ? { color: 'Attention' } : {}),
            },
            { type: 'TextBlock', text: page.text, wrap: true },
          ],
        },
      },
    ],
  };
}

/**
 * Legacy connectors answer 200 even when Teams refused the card, with the real
 * status in the text: "Webhook message delivery failed with error: Microsoft
 * Teams endpoint returned HTTP error 429 with ContextId …".
 */
const legacyFailure = /^Webhook message delivery failed.*?HTTP error (\d{3})/;

/** Workflows and Power Automate errors: `{"error":{"code":"TriggerInputSchemaMismatch","message":…}}`. */
function workflowErrorCode(body: string): string | undefined {
  try {
    return safeToken((JSON.parse(body) as { error?: { code?: unknown } }).error?.code);
  } catch {
    return undefined;
  }
}

export function classifyTeamsAnswer(answer: VendorAnswer, now: number): AttemptResult {
  const buried = answer.status >= 200 && answer.status < 300 ? legacyFailure.exec(answer.body) : null;
  if (buried) {
    const inner = classifyHttpStatus(Number(buried[1]), answer.retryAfter, now);
    return inner.outcome === 'delivered' ? inner : { ...inner, reason: `HTTP ${answer.status}, Teams endpoint returned ${buried[1]}` };
  }
  const result = classifyHttpStatus(answer.status, answer.retryAfter, now);
  if (result.outcome === 'delivered') return result;
  const code = workflowErrorCode(answer.body);
  return code ? { ...result, reason: `${result.reason} ${code}` } : result;
}

export function createTeamsSender(channel: TeamsChannel, deps: VendorDeps): PageSender {
  return jsonWebhookSender({ channel, deps, payload: teamsPayload, classify: classifyTeamsAnswer });
}
