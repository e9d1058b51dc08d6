import { afterEach, describe, expect, it } from 'vitest';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startFakeTwilio, twilioAccountSid, twilioAuthToken, twilioError, type FakeTwilio } from './fakes/fake-twilio.js';
import {
  emergencyPage,
  emergencyText,
  escalationPage,
  expectNoSecrets,
  neverAborted,
  normalPage,
  normalText,
  vendorDeps,
} from './vendor-test-kit.js';

let twilio: FakeTwilio;
afterEach(() => twilio.close());

const sergeant = '+18165550101';
const lieutenant = '+18165550102';
const captain = '+18165550103';

function channel(overrides: { to?: string[]; authToken?: string } = {}) {
  return {
    id: 'sms-duty',
    use: 'page' as const,
    type: 'twilio' as const,
    accountSid: twilioAccountSid,
    authToken: overrides.authToken ?? twilioAuthToken,
    from: '+18165550100',
    to: overrides.to ?? [sergeant, lieutenant],
    apiBaseUrl: twilio.baseUrl,
  };
}

describe('a page by SMS through Twilio', () => {
  it('creates one Message per recipient with Basic auth and a form body, and is delivered when all are accepted (201)', async () => {
    twilio = await startFakeTwilio();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(), deps).send(normalPage, neverAborted());

    expect(result).toEqual({ outcome: 'delivered' });
    expect(twilio.sent).toEqual([
      { to: sergeant, from: '+18165550100', body: normalText },
      { to: lieutenant, from: '+18165550100', body: normalText },
    ]);
    expect(twilio.requests[0]?.headers.accept).toBe('application/json');
    // Nobody refused: nothing to log.
    expect(deps.entries).toEqual([]);
    expectNoSecrets(deps.entries, [result], [twilioAuthToken, sergeant, lieutenant]);
  });

  it('texts the emergency wording', async () => {
    twilio = await startFakeTwilio();
    await createVendorSender(channel({ to: [sergeant] }), vendorDeps()).send(emergencyPage, neverAborted());
    expect(twilio.sent.map((sms) => sms.body)).toEqual([emergencyText]);
  });

  it('refuses a wrong auth token for good and keeps the token out of the reason and the log', async () => {
    twilio = await startFakeTwilio();
    const deps = vendorDeps();
    const wrongToken = 'not-the-token-0000000';
    const result = await createVendorSender(channel({ authToken: wrongToken }), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 401 Twilio 20003' });
    expect(twilio.requests).toHaveLength(1);
    expectNoSecrets(deps.entries, [result], [wrongToken, twilioAuthToken]);
  });

  it('on a retry texts only the recipients not yet accepted, so nobody gets the page twice', async () => {
    twilio = await startFakeTwilio();
    twilio.scriptFor.set(lieutenant, [twilioError(429, 20429, 'Too Many Requests', { 'retry-after': '2' })]);
    const sender = createVendorSender(channel({ to: [sergeant, lieutenant, captain] }), vendorDeps());

    const first = await sender.send(normalPage, neverAborted());
    expect(first).toEqual({ outcome: 'retry', reason: 'HTTP 429 Twilio 20429 (2 of 3 recipients pending)', retryAfterMs: 2000 });
    expect(twilio.sent.map((sms) => sms.to)).toEqual([sergeant]);

    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((sms) => sms.to)).toEqual([sergeant, lieutenant, captain]);
  });

  it('keeps a page and its escalation apart: the escalation reaches everyone again', async () => {
    twilio = await startFakeTwilio();
    const sender = createVendorSender(channel({ to: [sergeant] }), vendorDeps());
    await sender.send(normalPage, neverAborted());
    await sender.send({ ...normalPage, escalation: true }, neverAborted());
    expect(twilio.sent.map((sms) => sms.body)).toEqual([
      normalText,
      'NOT ACKNOWLEDGED YET: Safe Passage request at Lobby kiosk 1 (ref K1-4821). Nobody has acknowledged it. See the desk console.',
    ]);
  });

  it('is delivered when a number is refused for good but the others have it, and logs only a count', async () => {
    twilio = await startFakeTwilio();
    const badNumber = '+18165550199';
    twilio.scriptFor.set(badNumber, [twilioError(400, 21211, `The 'To' number ${badNumber} is not a valid phone number.`)]);
    const deps = vendorDeps();
    const result = await createVendorSender(channel({ to: [badNumber, sergeant] }), deps).send(escalationPage, neverAborted());

    expect(result).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((sms) => sms.to)).toEqual([sergeant]);
    expect(deps.entries).toHaveLength(1);
    expect(deps.entries[0]?.message).toBe('Twilio refused some recipients of a page; the others have it');
    expect(deps.entries[0]?.fields).toEqual({ channel: 'sms-duty', count: 1, reason: 'HTTP 400 Twilio 21211', reference: 'K1-4823' });
    expectNoSecrets(deps.entries, [result], [badNumber, sergeant, twilioAuthToken]);
  });

  it('is permanent when every recipient is refused', async () => {
    twilio = await startFakeTwilio();
    twilio.scriptFor.set(sergeant, [twilioError(400, 21610, 'Attempt to send to unsubscribed recipient')]);
    const result = await createVendorSender(channel({ to: [sergeant] }), vendorDeps()).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 400 Twilio 21610 for every recipient' });
  });

  it('retries a Twilio outage and an attempt that runs out of time, without texting the accepted ones again', async () => {
    twilio = await startFakeTwilio();
    twilio.scriptFor.set(lieutenant, [twilioError(503, 20503, 'Service Unavailable'), 'hang']);
    const sender = createVendorSender(channel(), vendorDeps(300));
    expect(await sender.send(normalPage, neverAborted())).toEqual({
      outcome: 'retry',
      reason: 'HTTP 503 Twilio 20503 (1 of 2 recipients pending)',
    });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'timeout (1 of 2 recipients pending)' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((sms) => sms.to)).toEqual([sergeant, lieutenant]);
  });

  it('never runs two attempts for the same page at once, so a recipient cannot be texted twice', async () => {
    twilio = await startFakeTwilio();
    twilio.scriptFor.set(sergeant, ['hang']);
    const sender = createVendorSender(channel({ to: [sergeant] }), vendorDeps(300));
    const first = sender.send(normalPage, neverAborted());
    await expect.poll(() => twilio.requests.length).toBe(1);
    expect(await sender.send(normalPage, neverAborted())).toEqual({
      outcome: 'retry',
      reason: 'an attempt for this page is still running',
    });
    expect(await first).toEqual({ outcome: 'retry', reason: 'timeout (1 of 1 recipients pending)' });
    expect(twilio.requests).toHaveLength(1);
  });
});
