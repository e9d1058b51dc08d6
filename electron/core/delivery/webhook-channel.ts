/**
 * A department's own backend: `request.created` to its URL, with the first
 * name only when the department said it may hold it; acknowledgements from
 * its optional statusUrl; heartbeats when it opts in (`heartbeatSeconds`).
 * With `signedAnswers`, each answer is believed only when the backend signed
 * it for the message it answers. With `deviceKey`, messages are signed with
 * this kiosk's own key, and answers are checked against `backendKey`.
 */
import { secretsOf, type ChannelConfig } from '../../../shared/config.js';
import type { ChannelSender } from './channel-sender.js';
import { createdMessageOf, postCreated, postMessage, postStatusQuery, type ContractClientDeps } from './contract-client.js';
import { createdMessageId, freshMessageId } from './message-id.js';

type WebhookChannel = Extract<ChannelConfig, { type: 'webhook' }>;

/** A channel with a shared `secret`: v1 signatures, answers signed with the secret when `signedAnswers` is on. */
function secretTrust(channel: WebhookChannel) {
  return { secrets: secretsOf(channel), caFile: channel.caFile, ...(channel.signedAnswers ? { boundAnswers: true as const } : {}) };
}

/**
 * A channel with `deviceKey` (contract 1.3): every message is signed `v1a` with this kiosk's own key, so no
 * secret sits in kiosk.json; with `backendKey`, every answer must be the backend's own `v1a` answer to that
 * very message (the config requires it with a statusUrl).
 */
function deviceKeyTrust(channel: WebhookChannel, deps: ContractClientDeps) {
  if (!deps.deviceSigner)
    throw new Error(`webhook channel "${channel.id}" signs with the device key, but this kiosk has no identity loaded`);
  return {
    secrets: [] as string[],
    signer: deps.deviceSigner,
    caFile: channel.caFile,
    ...(channel.backendKey ? { boundAnswers: true as const, answerKeys: [channel.backendKey] } : {}),
  };
}

/** A sender for a `webhook` channel. */
export function createWebhookSender(channel: WebhookChannel, deps: ContractClientDeps): ChannelSender {
  // With signedAnswers, every answer must be the backend's own answer to that very message (the desk's mechanism):
  // a secret shared by several kiosks then cannot make this kiosk believe an answer made for another message.
  const trust = channel.deviceKey ? deviceKeyTrust(channel, deps) : secretTrust(channel);
  const { statusUrl, heartbeatSeconds } = channel;
  return {
    channelId: channel.id,
    type: channel.type,
    use: channel.use,
    deliver: (request, signal) => {
      const firstName = channel.personalData ? request.firstName : undefined;
      return postCreated(
        { url: channel.url, ...trust },
        createdMessageId(request.created.request.id),
        createdMessageOf(request, firstName, deps.now()),
        { ...deps, channelId: channel.id },
        signal,
      );
    },
    ...(statusUrl
      ? {
          askStatus: (requestIds: string[], signal: AbortSignal) =>
            postStatusQuery(
              { url: statusUrl, ...trust },
              { kioskId: deps.kioskId, requestIds },
              // Without signedAnswers, a contract 1.1 backend signs its status answer under any webhook-id.
              { ...deps, channelId: channel.id, ...(channel.signedAnswers || channel.deviceKey ? {} : { answerSecrets: trust.secrets }) },
              signal,
            ),
        }
      : {}),
    // Opt-in (contract 1.1): a 1.0 backend that knows only request.created is never sent one.
    ...(heartbeatSeconds
      ? {
          heartbeatEveryMs: heartbeatSeconds * 1000,
          heartbeat: async (beat, signal) =>
            (await postMessage({ url: channel.heartbeatUrl ?? channel.url, ...trust }, freshMessageId(), beat, deps, signal)).result,
        }
      : {}),
  };
}
