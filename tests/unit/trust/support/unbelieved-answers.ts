/**
 * The shared part of the "answers the receiver did not sign for this message"
 * tests, for a configured desk channel and a webhook channel with
 * `signedAnswers`: a real server on 127.0.0.1 that takes the request with a
 * genuine signed receipt and lets the test answer its status queries, and
 * the check that the kiosk then said nothing about an officer.
 */
import { expect } from 'vitest';
import { statusQuerySchema, type StatusAnswer } from '../../../../shared/backend/messages.js';
import type { Acknowledgement } from '../../../../shared/request.js';
import { startScriptedServer, type Answer, type Received, type ScriptedServer } from '../../delivery/support/scripted-server.js';
import { signedAnswer } from '../../delivery/support/signed-answer.js';
import type { ManualTimer } from '../../kiosk/support/manual-schedule.js';
import { kioskConfig, otherSecret, sampleInput, startKiosk, testSecret, type KioskHarness } from '../../kiosk/support/kiosk-harness.js';

/** What the kiosk logs when it drops a status answer, with the channel id and a reason code only. */
export const refusedStatusLog = 'status answer is not signed by the receiver for this query; ignored';

/** "acknowledged" with `ack` for every id the query asks about. */
export const acknowledgedWith =
  (ack: Acknowledgement) =>
  (query: Received): StatusAnswer => ({
    requests: statusQuerySchema.parse(query.json).requestIds.map((id) => ({ id, state: 'acknowledged' as const, acknowledgement: ack })),
  });

/** A webhook channel with signed answers on `origin`: requests to /hook, status to /status. */
export const signedWebhook = (origin: string, extra: Record<string, unknown> = {}) => ({
  id: 'cad',
  type: 'webhook',
  url: `${origin}/hook`,
  statusUrl: `${origin}/status`,
  secret: testSecret,
  signedAnswers: true,
  ...extra,
});

type Track = <T extends { close(): Promise<void> }>(closable: T) => T;

/**
 * A kiosk whose one channel (`channel(origin)`) takes its request with a genuine answer (`genuine`, signed for that
 * message); its status queries (`isStatus`) are answered by `statusAnswer`. Resolves once three more polls than
 * there were at delivery were made, so the answers to at least two of them have been weighed.
 */
export async function kioskWithStatusAnswer(options: {
  track: Track;
  channel: (origin: string) => object;
  isStatus: (r: Received) => boolean;
  genuine: (r: Received) => unknown;
  statusAnswer: (query: Received, earlier: Received[]) => Answer;
}): Promise<{ kiosk: KioskHarness; id: string; server: ScriptedServer }> {
  const statusQueries: Received[] = [];
  const server = options.track(
    await startScriptedServer((r) => {
      if (!options.isStatus(r)) return signedAnswer(testSecret, r, { status: 200, json: options.genuine(r) });
      const answer = options.statusAnswer(r, [...statusQueries]);
      statusQueries.push(r);
      return answer;
    }),
  );
  const kiosk = options.track(await startKiosk(kioskConfig({ channels: [options.channel(server.origin)] })));
  const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
  await kiosk.waitForView(id, (v) => v.phase === 'delivered');
  const target = statusQueries.length + 3;
  await server.waitFor(() => statusQueries.length >= target);
  return { kiosk, id, server };
}

/** The kiosk said nothing about an officer, and logged why with the channel id and the reason code, not the name or the answer. */
export async function expectNoOfficerComing(kiosk: KioskHarness, id: string, logged: { channel: string; reason: string }) {
  const view = await kiosk.service.handlers['request.get']({ id });
  expect(view).toMatchObject({ phase: 'delivered' });
  expect(view?.acknowledgement).toBeUndefined();
  expect(view?.status).not.toBe('answered');
  const warnings = kiosk.log.filter((e) => e.message === refusedStatusLog);
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings[0]?.fields).toEqual(logged);
  const everything = JSON.stringify(kiosk.log);
  expect(everything).not.toContain('Maya');
  expect(everything).not.toContain('coming-now');
}

/**
 * Status answers that claim "acknowledged" without being the receiver's own answer to the query they answer, with
 * the reason code the kiosk logs for each: the same forgeries for every channel that checks bound answers.
 */
export function forgedAcknowledgements(acknowledged: (query: Received) => StatusAnswer): Array<{
  what: string;
  reason: string;
  answer: (query: Received, earlier: Received[]) => Answer;
}> {
  return [
    { what: 'an unsigned acknowledgement', reason: 'missing-headers', answer: (query) => ({ status: 200, json: acknowledged(query) }) },
    {
      what: 'an acknowledgement signed with another secret',
      reason: 'bad-signature',
      answer: (query) => signedAnswer(otherSecret, query, { status: 200, json: acknowledged(query) }),
    },
    {
      // The first query is answered with nothing; from then on the answer is an acknowledgement signed, with the right
      // secret, as the answer to that first query: what a replay of a captured signed answer looks like.
      what: 'an acknowledgement signed with the right secret for an earlier query',
      reason: 'unbound-answer',
      answer: (query, earlier) => {
        const first = earlier[0];
        if (!first) return signedAnswer(testSecret, query, { status: 200, json: { requests: [] } });
        return signedAnswer(testSecret, first, { status: 200, json: acknowledged(query) });
      },
    },
  ];
}

/**
 * Fires the 20-second "not reached yet" deadline (counted from the request's creation) on a kiosk started with a
 * manual schedule, and checks the screen then says the request has not reached anyone, and nothing more.
 */
export async function expectNotReachedYet(kiosk: KioskHarness, id: string, timers: ManualTimer[]) {
  const fallback = timers.find((t) => t.delayMs > 19_000 && t.delayMs <= 20_000);
  expect(fallback).toBeDefined();
  fallback!.fire();
  const view = await kiosk.waitForView(id, (v) => v.status === 'not-reached-yet');
  expect(view).toMatchObject({ phase: 'captured', status: 'not-reached-yet' });
  expect(view.acknowledgement).toBeUndefined();
}
