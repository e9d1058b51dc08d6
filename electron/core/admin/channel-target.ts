import type { ChannelConfig } from '../../../shared/config.js';

/**
 * Where a channel sends, as the admin screen may show it: the host and port
 * only. A Teams or Slack URL's path is itself the secret, and a URL may carry
 * a user name and password; neither is ever shown.
 */
export function channelHost(channel: ChannelConfig): string {
  switch (channel.type) {
    case 'smtp':
      return `${channel.host}:${channel.port}`;
    case 'twilio':
      return new URL(channel.apiBaseUrl).host;
    default:
      return new URL(channel.url).host;
  }
}
