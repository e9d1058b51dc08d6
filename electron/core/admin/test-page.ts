/**
 * "Send a test page" from the admin screen: one attempt per chosen channel,
 * marked as a test in every channel's words (`test: true` in the contract
 * JSON, "TEST" in vendor texts). It never enters the outbox or the request
 * book, so it is never retried, never shown to the public and never counted.
 */
import type { TestPageResult } from '../../../shared/admin.js';
import { CallRefused } from '../../../shared/call-result.js';
import type { AgencyProfile, KioskDeviceConfig } from '../../../shared/config.js';
import type { AttemptResult } from '../delivery/attempt.js';
import type { ChannelSender, NewRequest } from '../delivery/channel-sender.js';
import { newRequestId } from '../kiosk/identifiers.js';
import type { Logger } from '../logger.js';
import type { ChannelResults } from './channel-results.js';

/** The test message: a normal-priority request that says on every channel that nobody is waiting. */
export function testRequestOf(device: KioskDeviceConfig, profile: AgencyProfile, at: number): NewRequest {
  const kiosk = { id: device.kiosk.id, location: device.kiosk.location };
  const createdAt = new Date(at).toISOString();
  const reference = `${kiosk.id}-0000`;
  return {
    created: {
      type: 'request.created',
      version: 1,
      request: {
        id: newRequestId(),
        reference,
        program: profile.program.name,
        agency: profile.agency.name,
        kiosk,
        priority: 'normal',
        kind: 'help-self',
        language: profile.languages.default,
        turningIn: false,
        dangerNow: false,
        createdAt,
        test: true,
      },
    },
    firstName: undefined,
    page: {
      program: profile.program.name,
      agency: profile.agency.name,
      kioskId: kiosk.id,
      kioskLocation: kiosk.location,
      reference,
      priority: 'normal',
      createdAt,
      escalation: false,
      test: true,
    },
  };
}

/**
 * Sends the test page to `channelId`, or to every channel when it is undefined.
 * Each result is recorded as that channel's last result.
 */
export async function sendTestPage(options: {
  senders: readonly ChannelSender[];
  channelId: string | undefined;
  request: NewRequest;
  results: ChannelResults;
  now: () => number;
  logger: Logger;
  timeoutMs: number;
}): Promise<TestPageResult[]> {
  const chosen = options.senders.filter((s) => options.channelId === undefined || s.channelId === options.channelId);
  if (chosen.length === 0) throw new CallRefused('There is no channel with that id.');
  return Promise.all(
    chosen.map(async (sender) => {
      const signal = AbortSignal.timeout(options.timeoutMs);
      const result: AttemptResult = await sender
        .deliver(options.request, signal)
        .catch((error: Error) => ({ outcome: 'permanent' as const, reason: error.name }));
      options.results.record(sender.channelId, result, options.now(), true);
      const fields = { channel: sender.channelId, type: sender.type, requestId: options.request.created.request.id };
      if (result.outcome === 'delivered') {
        options.logger.info('test page delivered', fields);
        return { channelId: sender.channelId, type: sender.type, outcome: 'delivered' as const };
      }
      options.logger.warn('test page not delivered', { ...fields, reason: result.reason });
      return { channelId: sender.channelId, type: sender.type, outcome: 'failed' as const, reason: result.reason };
    }),
  );
}
