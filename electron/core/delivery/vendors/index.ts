/**
 * Senders for the channels that reach officers away from the desk: Microsoft
 * Teams, Slack, SMS through Twilio, email over SMTP (docs/channels.md). Each
 * carries a page with no personal data (PageMessage, formatted by
 * page-text.ts) and makes exactly one attempt per `send`; the outbox decides
 * about retries.
 */
import type { ChannelConfig } from '../../../../shared/config.js';
import type { PageSender } from '../attempt.js';
import { createSlackSender } from './slack.js';
import { createSmtpSender } from './smtp.js';
import { createTeamsSender } from './teams.js';
import { createTwilioSender } from './twilio.js';
import type { VendorDeps } from './vendor-deps.js';

export type VendorChannel = Extract<ChannelConfig, { type: 'teams' | 'slack' | 'twilio' | 'smtp' }>;
export type { VendorDeps } from './vendor-deps.js';

/**
 * The sender for one configured vendor channel. Secrets in the channel (the
 * webhook URL, the auth token, the SMTP password) stay inside the sender and
 * never reach a log line or an attempt's reason.
 */
export function createVendorSender(channel: VendorChannel, deps: VendorDeps): PageSender {
  switch (channel.type) {
    case 'teams':
      return createTeamsSender(channel, deps);
    case 'slack':
      return createSlackSender(channel, deps);
    case 'twilio':
      return createTwilioSender(channel, deps);
    case 'smtp':
      return createSmtpSender(channel, deps);
  }
}
