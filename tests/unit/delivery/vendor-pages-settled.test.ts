/**
 * When a vendor sender forgets who already has a page (vendors/recipient-ledger.ts).
 * A test page is one attempt from the admin screen and is never retried, and
 * every test page has the same reference (`K1-0000`): whatever one test page
 * reached, the next one must reach everyone again, or the admin reads
 * "delivered" while some people were never tried. A real page is forgotten
 * once it is settled, delivered or refused for good; while it is retried,
 * nobody is mailed twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageMessage } from '../../../electron/core/delivery/attempt.js';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startFakeTwilio, twilioAccountSid, twilioAuthToken, twilioError } from '../vendors/fakes/fake-twilio.js';
import { json } from '../vendors/fakes/loopback-http.js';
import { startSmtpTestServer } from '../vendors/fakes/smtp-test-server.js';
import { neverAborted, normalPage, vendorDeps } from '../vendors/vendor-test-kit.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const testPage: PageMessage = { ...normalPage, reference: 'K1-0000', test: true };
const duty = 'duty-sergeant@pd.example';
const watch = 'watch-commander@pd.example';

async function mailServer(options: Parameters<typeof startSmtpTestServer>[0]) {
  const smtp = await startSmtpTestServer(options);
  servers.push(smtp);
  const sender = createVendorSender(
    {
      id: 'email-duty',
      use: 'page',
      type: 'smtp',
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      from: 'lobby-kiosk@pd.example',
      to: [duty, watch],
      rejectUnauthorized: true,
    },
    vendorDeps(),
  );
  return { smtp, sender };
}

describe('an email sender', () => {
  it('mails everyone again for each test page after one address was deferred and then the whole mail refused', async () => {
    // First test page: the watch commander's mailbox is busy (450). Second: the server refuses the mail at DATA (554).
    const { smtp, sender } = await mailServer({ rcptReplies: new Map([[watch, [450]]]), dataReplies: [250, 554] });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'SMTP 4xx (1 of 2 addresses deferred)' });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'SMTP 554 EMESSAGE' });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(smtp.transactions).toEqual([
      { to: [duty], reply: 250 },
      { to: [duty, watch], reply: 554 },
      { to: [duty, watch], reply: 250 },
    ]);
  });

  it('retries a page only to the address still pending, through a 421, and forgets it once the server refused it for good', async () => {
    const { smtp, sender } = await mailServer({ rcptReplies: new Map([[watch, [450]]]), dataReplies: [250, 421, 554] });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'SMTP 4xx (1 of 2 addresses deferred)' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'SMTP 421 EMESSAGE' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'SMTP 554 EMESSAGE' });
    // Given up: nothing is held for that page any more, as for one delivered.
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(smtp.transactions).toEqual([
      { to: [duty], reply: 250 },
      { to: [watch], reply: 421 },
      { to: [watch], reply: 554 },
      { to: [duty, watch], reply: 250 },
    ]);
  });
});

describe('an SMS sender', () => {
  const sergeant = '+18165550101';
  const lieutenant = '+18165550102';
  async function smsService() {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    const sender = createVendorSender(
      {
        id: 'sms-duty',
        use: 'page',
        type: 'twilio',
        accountSid: twilioAccountSid,
        authToken: twilioAuthToken,
        from: '+18165550100',
        to: [sergeant, lieutenant],
        apiBaseUrl: twilio.baseUrl,
      },
      vendorDeps(),
    );
    return { twilio, sender };
  }

  it('texts everyone again for the next test page after the first stopped at a number Twilio could not take yet', async () => {
    const { twilio, sender } = await smsService();
    twilio.scriptFor.set(lieutenant, [json(503, { code: 20503, message: 'Service unavailable' })]);
    expect(await sender.send(testPage, neverAborted())).toEqual({
      outcome: 'retry',
      reason: 'HTTP 503 Twilio 20503 (1 of 2 recipients pending)',
    });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((text) => text.to)).toEqual([sergeant, sergeant, lieutenant]);
  });

  it('forgets a page once Twilio refused the account halfway through it', async () => {
    const { twilio, sender } = await smsService();
    twilio.scriptFor.set(lieutenant, [twilioError(403, 20003, 'Permission denied')]);
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'HTTP 403 Twilio 20003' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((text) => text.to)).toEqual([sergeant, sergeant, lieutenant]);
  });
});
