/**
 * What a vendor sender remembers between attempts (vendors/recipient-ledger.ts)
 * and how it reads odd answers: a page it finished is forgotten, so the admin's
 * next test page (always the same reference, `K1-0000`) reaches everyone again;
 * what an attempt that throws had reached is kept; error details in unusual
 * shapes still give a short, safe reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PageMessage } from '../../../electron/core/delivery/attempt.js';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { createRecipientLedger } from '../../../electron/core/delivery/vendors/recipient-ledger.js';
import { classifySmtpError } from '../../../electron/core/delivery/vendors/smtp-errors.js';
import { startFakeSlack } from '../vendors/fakes/fake-slack.js';
import { startFakeTeams } from '../vendors/fakes/fake-teams.js';
import { startSmtpTestServer } from '../vendors/fakes/smtp-test-server.js';
import { startFakeTwilio, twilioAccountSid, twilioAuthToken, twilioError } from '../vendors/fakes/fake-twilio.js';
import { json, text, type LoopbackHttp } from '../vendors/fakes/loopback-http.js';
import { neverAborted, normalPage, vendorDeps } from '../vendors/vendor-test-kit.js';

const servers: Array<Pick<LoopbackHttp, 'close'>> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const testPage: PageMessage = { ...normalPage, reference: 'K1-0000', test: true };
const sergeant = '+18165550101';
const lieutenant = '+18165550102';

const sms = (apiBaseUrl: string) =>
  createVendorSender(
    {
      id: 'sms-duty',
      use: 'page',
      type: 'twilio',
      accountSid: twilioAccountSid,
      authToken: twilioAuthToken,
      from: '+18165550100',
      to: [sergeant, lieutenant],
      apiBaseUrl,
    },
    vendorDeps(),
  );

describe('an SMS sender after a page it finished', () => {
  it('texts everyone again for the next test page with the same reference', async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    const sender = sms(twilio.baseUrl);
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((text) => text.to)).toEqual([sergeant, lieutenant, sergeant, lieutenant]);
    expect(twilio.requests[0]?.headers['user-agent']).toBe('lobby-kiosk/1');
  });

  it('texts everyone again for the next test page after every number was refused, once the numbers are fixed', async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    for (const to of [sergeant, lieutenant])
      twilio.scriptFor.set(to, [twilioError(400, 21610, 'Attempt to send to unsubscribed recipient')]);
    const sender = sms(twilio.baseUrl);
    expect(await sender.send(testPage, neverAborted())).toEqual({
      outcome: 'permanent',
      reason: 'HTTP 400 Twilio 21610 for every recipient',
    });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((text) => text.to)).toEqual([sergeant, lieutenant]);
  });

  it('texts everyone again for the next test page after Twilio refused the account halfway through', async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    twilio.scriptFor.set(lieutenant, [twilioError(403, 20003, 'Permission denied')]);
    const sender = sms(twilio.baseUrl);
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'HTTP 403 Twilio 20003' });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.sent.map((text) => text.to)).toEqual([sergeant, sergeant, lieutenant]);
  });

  it("reaches Twilio's Messages resource from a base URL written with trailing slashes", async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    expect(await sms(`${twilio.baseUrl}//`).send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(twilio.requests.map((request) => request.path)).toEqual([
      `/2010-04-01/Accounts/${twilioAccountSid}/Messages.json`,
      `/2010-04-01/Accounts/${twilioAccountSid}/Messages.json`,
    ]);
  });
});

describe('an email sender after a page it finished', () => {
  const email = (port: number) =>
    createVendorSender(
      {
        id: 'email-duty',
        use: 'page',
        type: 'smtp',
        host: '127.0.0.1',
        port,
        security: 'none',
        from: 'lobby-kiosk@pd.example',
        to: ['duty-sergeant@pd.example', 'watch-commander@pd.example'],
        rejectUnauthorized: true,
      },
      vendorDeps(),
    );

  it('mails everyone again for the next test page with the same reference', async () => {
    const smtp = await startSmtpTestServer();
    servers.push(smtp);
    const sender = email(smtp.port);
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(await sender.send(testPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(smtp.received.map((mail) => mail.to.length)).toEqual([2, 2]);
  });

  it('takes an address refused with 500 as refused for good, not deferred', async () => {
    const smtp = await startSmtpTestServer({ rcptReplies: new Map([['watch-commander@pd.example', 500]]) });
    servers.push(smtp);
    expect(await email(smtp.port).send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(smtp.received.map((mail) => mail.to)).toEqual([['duty-sergeant@pd.example']]);
  });
});

describe('the recipient ledger', () => {
  it('keeps who an attempt had reached when the attempt throws, so the next one does not reach them twice', async () => {
    const ledger = createRecipientLedger();
    const thrown = ledger.attempt(normalPage, (progress) => {
      progress.accepted.add(sergeant);
      return Promise.reject(new Error('the vendor library failed'));
    });
    await expect(thrown).rejects.toThrow('the vendor library failed');
    let reached: string[] = [];
    await ledger.attempt(normalPage, (progress) => {
      reached = [...progress.accepted];
      return Promise.resolve({ result: { outcome: 'delivered' }, settled: true });
    });
    expect(reached).toEqual([sergeant]);
  });
});

describe('an odd failure', () => {
  it('from SMTP with a code that is not a string is named by its reply alone', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 450, code: 42 }), undefined)).toEqual({
      outcome: 'retry',
      reason: 'SMTP 450',
    });
    // A reply code written as text is not a reply code: the error is read by its code alone.
    expect(classifySmtpError({ responseCode: '550', code: 'ECONNECTION' }, undefined)).toEqual({
      outcome: 'retry',
      reason: 'SMTP ECONNECTION',
    });
    expect(classifySmtpError({ responseCode: 550, code: { name: 'EAUTH' } }, undefined)).toEqual({
      outcome: 'permanent',
      reason: 'SMTP 550',
    });
  });

  it('from SMTP is read by its reply class, 4yz retried and 5yz permanent, from the first code of each class', () => {
    const reply = (responseCode: number, code?: string) =>
      classifySmtpError(Object.assign(new Error('x'), { responseCode, code }), undefined);
    expect(reply(400)).toEqual({ outcome: 'retry', reason: 'SMTP 400' });
    expect(reply(499)).toEqual({ outcome: 'retry', reason: 'SMTP 499' });
    expect(reply(500)).toEqual({ outcome: 'permanent', reason: 'SMTP 500' });
    // A reply that is not a failure class (354 "start mail input" where 250 was due) leaves the decision to the code.
    expect(reply(354, 'EPROTOCOL')).toEqual({ outcome: 'permanent', reason: 'SMTP 354 EPROTOCOL' });
    expect(reply(354, 'ECONNECTION')).toEqual({ outcome: 'retry', reason: 'SMTP ECONNECTION' });
  });

  it("from Teams is read by the answer's own status unless a 2xx buries another one", async () => {
    const teams = await startFakeTeams({ legacy: true });
    servers.push(teams);
    const buried = (status: number) =>
      `Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error ${status} with ContextId tcid=0.`;
    teams.script.push(text(500, buried(400)), text(300, buried(429)), text(200, buried(202)));
    const sender = createVendorSender({ id: 'teams-duty', use: 'page', type: 'teams', url: teams.url }, vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'HTTP 500' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'HTTP 300' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
  });

  it('from Twilio or Teams names only a code of the documented type, never free text in its place', async () => {
    const twilio = await startFakeTwilio();
    servers.push(twilio);
    twilio.scriptFor.set(sergeant, [json(502, { code: `gateway ${lieutenant}`, message: 'Bad Gateway' })]);
    expect(await sms(twilio.baseUrl).send(normalPage, neverAborted())).toEqual({
      outcome: 'retry',
      reason: 'HTTP 502 (2 of 2 recipients pending)',
    });
    const teams = await startFakeTeams();
    servers.push(teams);
    teams.script.push(json(400, { error: { code: 42, message: 'bad card' } }));
    const sender = createVendorSender({ id: 'teams-duty', use: 'page', type: 'teams', url: teams.url }, vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'HTTP 400' });
  });

  it('from Slack keeps its error token when the body ends with a newline', async () => {
    const slack = await startFakeSlack();
    servers.push(slack);
    slack.script.push(text(404, 'channel_not_found\n'));
    const sender = createVendorSender({ id: 'slack-duty', use: 'escalation', type: 'slack', url: slack.url }, vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'permanent', reason: 'HTTP 404 channel_not_found' });
  });
});
