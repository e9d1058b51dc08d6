/**
 * SMS through Twilio's Messages resource: one POST per recipient to
 * {apiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded
 * To, From and Body, HTTP Basic auth with the Account SID and Auth Token.
 * Twilio answers 201 with the new Message; errors are JSON
 * `{code, message, more_info, status}`.
 */
import type { ChannelConfig } from '../../../../shared/config.js';
import { classifyHttpStatus, type AttemptResult, type PageMessage, type PageSender } from '../attempt.js';
import { formatPage } from './page-text.js';
import { createRecipientLedger, pendingOf, type PageProgress } from './recipient-ledger.js';
import { attemptSignal, postToVendor, type VendorAnswer } from './vendor-post.js';
import type { VendorDeps } from './vendor-deps.js';

type TwilioChannel = Extract<ChannelConfig, { type: 'twilio' }>;

export function twilioMessagesUrl(channel: TwilioChannel): string {
  return `${channel.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(channel.accountSid)}/Messages.json`;
}

export function twilioForm(channel: TwilioChannel, to: string, message: PageMessage): string {
  return new URLSearchParams({ To: to, From: channel.from, Body: formatPage(message).text }).toString();
}

/** Twilio's numeric error code, e.g. 21211 (invalid To) or 20003 (authentication). The message text is not kept: it can quote a number. */
function twilioCode(body: string): number | undefined {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    // Number.isInteger is true for integer numbers only: no separate typeof check is needed.
    return Number.isInteger(code) ? (code as number) : undefined;
  } catch {
    return undefined;
  }
}

export function classifyTwilioAnswer(answer: VendorAnswer, now: number): AttemptResult {
  const result = classifyHttpStatus(answer.status, answer.retryAfter, now);
  if (result.outcome === 'delivered') return result;
  const code = twilioCode(answer.body);
  return code !== undefined ? { ...result, reason: `${result.reason} Twilio ${code}` } : result;
}

/**
 * One attempt texts every recipient not yet accepted, in order, and reports:
 * - **delivered** when every recipient is settled and at least one message was
 *   accepted (a number Twilio refused for good, e.g. 21211, is logged as a count
 *   and not tried again);
 * - **retry** when a recipient met a network error, a timeout, 429 or 5xx: the
 *   attempt stops there, and the next one texts only those still pending;
 * - **permanent** when Twilio refused the account or the request itself (401,
 *   403, 404: wrong SID or token, suspended account), or refused every recipient.
 *
 * A 400 is about one message (its To, mostly), so the others are still tried.
 */
export function createTwilioSender(channel: TwilioChannel, deps: VendorDeps): PageSender {
  const url = twilioMessagesUrl(channel);
  const authorization = `Basic ${Buffer.from(`${channel.accountSid}:${channel.authToken}`).toString('base64')}`;
  const ledger = createRecipientLedger();

  const textOne = async (to: string, message: PageMessage, signal: AbortSignal): Promise<{ result: AttemptResult; status?: number }> => {
    const answer = await postToVendor({
      url,
      headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: twilioForm(channel, to, message),
      signal,
    });
    return 'failed' in answer ? { result: answer.failed } : { result: classifyTwilioAnswer(answer, deps.now()), status: answer.status };
  };

  const textPending = async (
    message: PageMessage,
    progress: PageProgress,
    signal: AbortSignal,
  ): Promise<{ result: AttemptResult; settled: boolean }> => {
    for (const to of pendingOf(progress, channel.to)) {
      const { result, status } = await textOne(to, message, signal);
      if (result.outcome === 'delivered') {
        progress.accepted.add(to);
      } else if (result.outcome === 'retry') {
        const pending = pendingOf(progress, channel.to).length;
        return {
          result: { ...result, reason: `${result.reason} (${pending} of ${channel.to.length} recipients pending)` },
          settled: false,
        };
      } else if (status === 400) {
        progress.refused.add(to);
        progress.firstRefusal ??= result.reason;
      } else {
        // Refused for the account (401, 403, 404): the outbox gives the page up, so forget it.
        return { result, settled: true };
      }
    }
    if (progress.accepted.size === 0)
      return { result: { outcome: 'permanent', reason: `${progress.firstRefusal ?? 'refused'} for every recipient` }, settled: true };
    if (progress.refused.size > 0) {
      deps.logger.warn('Twilio refused some recipients of a page; the others have it', {
        channel: channel.id,
        count: progress.refused.size,
        reason: progress.firstRefusal,
        reference: message.reference,
      });
    }
    return { result: { outcome: 'delivered' }, settled: true };
  };

  return {
    channelId: channel.id,
    send(message, signal) {
      return ledger.attempt(message, (progress) => textPending(message, progress, attemptSignal(signal, deps.timeoutMs)));
    },
  };
}
