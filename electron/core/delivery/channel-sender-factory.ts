/** One sender per configured channel: desks and webhooks here, vendors through their own module. */
import type { ChannelConfig } from '../../../shared/config.js';
import type { ChannelSender } from './channel-sender.js';
import type { ContractClientDeps } from './contract-client.js';
import { createDeskSender } from './desk-channel.js';
import { createVendorSender } from './vendors/index.js';
import { createWebhookSender } from './webhook-channel.js';

/** Builds the sender for a channel. Vendor channels carry the PageMessage only (no personal data). */
export function createChannelSender(channel: ChannelConfig, deps: ContractClientDeps): ChannelSender {
  switch (channel.type) {
    case 'desk':
      return createDeskSender(channel, deps);
    case 'webhook':
      return createWebhookSender(channel, deps);
    default: {
      const vendor = createVendorSender(channel, { logger: deps.logger, now: deps.now, timeoutMs: deps.timeoutMs });
      return {
        channelId: channel.id,
        type: channel.type,
        use: channel.use,
        deliver: (request, signal) => vendor.send(request.page, signal),
      };
    }
  }
}
