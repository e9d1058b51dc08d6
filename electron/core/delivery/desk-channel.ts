/**
 * The desk console on the LAN: gets every new request with the first name,
 * answers status queries, takes updates (another desk answered) and heartbeats.
 * Each answer is believed only when the desk signed it for that very message.
 */
import { backendPaths } from '../../../shared/backend/messages.js';
import { secretsOf, type ChannelConfig } from '../../../shared/config.js';
import type { ChannelSender } from './channel-sender.js';
import { createdMessageOf, postCreated, postMessage, postStatusQuery, type ContractClientDeps } from './contract-client.js';
import { createdMessageId, freshMessageId, updateMessageId } from './message-id.js';

type DeskChannel = Extract<ChannelConfig, { type: 'desk' }>;

/** Joins a base URL and a contract path without doubling or losing a slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** A sender for a `desk` channel. */
export function createDeskSender(channel: DeskChannel, deps: ContractClientDeps): ChannelSender {
  // Every answer must be the desk's own (signed with this secret, for this message): on loopback, any local process could
  // take the desk's port and answer "acknowledged" (docs/security.md, "Answers from a configured desk").
  const endpoint = (path: string) => ({
    url: joinUrl(channel.url, path),
    secrets: secretsOf(channel),
    caFile: channel.caFile,
    boundAnswers: true as const,
  });
  const post = (path: string, id: string, message: object, signal: AbortSignal) =>
    postMessage(endpoint(path), id, message, deps, signal).then((outcome) => outcome.result);
  return {
    channelId: channel.id,
    type: channel.type,
    use: channel.use,
    deliver: (request, signal) =>
      postCreated(
        endpoint(backendPaths.requests),
        createdMessageId(request.created.request.id),
        createdMessageOf(request, request.firstName, deps.now()),
        { ...deps, channelId: channel.id },
        signal,
      ),
    sendUpdate: (update, signal) => post(backendPaths.updates, updateMessageId(update.requestId, update), update, signal),
    heartbeat: (beat, signal) => post(backendPaths.heartbeats, freshMessageId(), beat, signal),
    askStatus: (requestIds, signal) =>
      postStatusQuery(endpoint(backendPaths.status), { kioskId: deps.kioskId, requestIds }, { ...deps, channelId: channel.id }, signal),
  };
}
