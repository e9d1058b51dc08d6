/**
 * Slack: `{"text": …}` posted to an incoming webhook. Slack answers 200 "ok";
 * errors are a 4xx with a short token ("invalid_payload", "no_service",
 * "channel_not_found", "channel_is_archived"), 429 with Retry-After when rate
 * limited. The URL is the secret: it never reaches a log line or a reason.
 */
import type { ChannelConfig } from '../../../../shared/config.js';
import { classifyHttpStatus, type AttemptResult, type PageMessage, type PageSender } from '../attempt.js';
import { formatPage } from './page-text.js';
import { jsonWebhookSender, safeToken, type VendorAnswer } from './vendor-post.js';
import type { VendorDeps } from './vendor-deps.js';

type SlackChannel = Extract<ChannelConfig, { type: 'slack' }>;

/** Slack reads &, < and > as markup (links, mentions); the page is plain text. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackPayload(message: PageMessage): { text: string } {
  return { text: escapeSlack(formatPage(message).text) };
}

export function classifySlackAnswer(answer: VendorAnswer, now: number): AttemptResult {
  const result = classifyHttpStatus(answer.status, answer.retryAfter, now);
  if (result.outcome === 'delivered') return result;
  const token = safeToken(answer.body.trim());
  return token ? { ...result, reason: `${result.reason} ${token}` } : result;
}

export function createSlackSender(channel: SlackChannel, deps: VendorDeps): PageSender {
  return jsonWebhookSender({ channel, deps, payload: slackPayload, classify: classifySlackAnswer });
}
