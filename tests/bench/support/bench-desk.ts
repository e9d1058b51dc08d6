/**
 * A desk of the benchmark's own (a browser host on loopback with the shipped
 * desk config) that trusts one configured loopback secret, and a stand-in
 * kiosk that fills it through the real receiver with signed
 * `request.created` messages, as kiosks do after an outage.
 */
import type { APIRequestContext } from '@playwright/test';
import type { EventSource } from '../../../shared/contract.js';
import { callOver } from '../../e2e/support/desk-calls.js';
import { freePort, shippedConfig, startTestHost, type TestHost } from '../../e2e/support/test-host.js';
import { post, requestCreated } from '../../unit/desk/support/backend-client.js';

const secret = `whsec_${Buffer.alloc(32, 21).toString('base64')}`;

export type BenchDesk = {
  test: TestHost;
  deskUrl: string;
  /** The desk core's events, in this process. */
  events: EventSource;
  /** When the receiver's answer to each request reached the stand-in kiosk (wall clock). */
  answeredAt: Map<string, number>;
  send(count: number, options?: { emergency?: boolean }): Promise<string[]>;
};

let sequence = 0;

export async function startBenchDesk(request: APIRequestContext): Promise<BenchDesk> {
  const shipped = shippedConfig('desk');
  // A thousand requests from 40 kiosks in a few seconds is far over a real lobby's per-kiosk limits; raise them to the top.
  const desk = {
    ...shipped,
    receiver: { ...(shipped.receiver as object), port: await freePort(), secrets: [secret] },
    limits: { messagesPerKioskPerMinute: 6000, requestsPerKioskPerMinute: 600 },
  };
  const test = await startTestHost({ desk, demoPairing: false });
  const deskUrl = test.host.urls.desk ?? '';
  const receiverUrl = (await callOver(request, deskUrl, 'desk.getState', {})).receiver.url;
  if (!receiverUrl) throw new Error('the bench desk receiver is not listening');
  const deskCore = test.cores.find((core) => core.bootstrap().role === 'desk');
  if (!deskCore) throw new Error('the bench host has no desk core');
  const answeredAt = new Map<string, number>();

  const sendOne = async (emergency: boolean): Promise<string> => {
    sequence += 1;
    // Spread over 40 kiosks, as a department's lobbies would be; every other person gives a first name.
    const message = requestCreated({
      reference: `B${(sequence % 40) + 1}-${String(sequence % 10_000).padStart(4, '0')}`,
      kiosk: { id: `B${(sequence % 40) + 1}`, location: `Lobby kiosk ${(sequence % 40) + 1}` },
      ...(emergency ? { kind: 'emergency', priority: 'emergency', dangerNow: true } : {}),
      ...(sequence % 2 === 0 ? {} : { firstName: undefined }),
    });
    const answer = await post(`${receiverUrl}/requests`, message, { secrets: [secret], anyCertificate: true });
    answeredAt.set(message.request.id, Date.now());
    if (answer.status !== 200) throw new Error(`the desk receiver answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    return message.request.id;
  };

  return {
    test,
    deskUrl,
    events: deskCore.events,
    answeredAt,
    async send(count, options = {}) {
      const ids: string[] = [];
      // Eight at a time: kiosks send in parallel, and 1,000 one by one would take most of the run.
      for (let start = 0; start < count; start += 8) {
        const batch = Math.min(8, count - start);
        ids.push(...(await Promise.all(Array.from({ length: batch }, () => sendOne(options.emergency ?? false)))));
      }
      return ids;
    },
  };
}
