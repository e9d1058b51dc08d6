/**
 * A department's own backend: `request.created` to its URL, with the first
 * name only when the department said it may hold it; acknowledgements from
 * its optional statusUrl.
 */
import { secretsOf, type ChannelConfig } from '../../../shared/config.js';
import type { ChannelSender } from './channel-sender.js';
import { createdMessageOf, postMessage, queryStatus, type ContractClientDeps } from './contract-client.js';
import { createdMessageId } from './message-id.js';

type WebhookChannel = Extract<ChannelConfig, { type: 'webhook' }>;

/** A sender for a `webhook` channel. */
export function createWebhookSender(channel: WebhookChannel, deps: ContractClientDeps): ChannelSender {
  const trust = { secrets: secretsOf(channel), caFile: channel.caFile };
  const statusUrl = channel.statusUrl;
  return {
    channelId: channel.id,
    type: channel.type,
    use: channel.use,
    deliver: async (request, signal) => {
      const firstName = channel.personalData ? request.firstName : undefined;
      const message = createdMessageOf(request, firstName, deps.now());
      const { result } = await postMessage(
        { url: channel.url, ...trust },
        createdMessageId(request.created.request.id),
        message,
        deps,
        signal,
      );
      return result;
    },
    ...(statusUrl
      ? {
          queryStatus: (requestIds: string[], signal: AbortSignal) =>
            queryStatus(
              { url: statusUrl, ...trust },
              { kioskId: deps.kioskId, requestIds },
              { ...deps, channelId: channel.id, answerSecrets: trust.secrets },
              signal,
            ),
        }
      : {}),
  };
}
