/**
 * Senders for the channels that reach officers away from the desk: Microsoft
 * Teams, Slack, SMS through Twilio, email over SMTP. Each carries a page with
 * no personal data (PageMessage). PLACEHOLDER until they are built: every
 * attempt fails permanently, so the outbox records it and shows the fallback.
 */
import type { ChannelConfig } from '../../../../shared/config.js';
import type { Logger } from '../../logger.js';
import type { PageSender } from '../attempt.js';

export type VendorChannel = Extract<ChannelConfig, { type: 'teams' | 'slack' | 'twilio' | 'smtp' }>;
export type VendorDeps = { logger: Logger; now: () => number; timeoutMs: number };

export function createVendorSender(channel: VendorChannel, _deps: VendorDeps): PageSender {
  return { channelId: channel.id, send: async () => ({ outcome: 'permanent', reason: `${channel.type} is not built yet` }) };
}
