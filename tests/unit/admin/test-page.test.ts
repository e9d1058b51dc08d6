import { afterEach, describe, expect, it } from 'vitest';
import type { DeskState } from '../../../shared/desk.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { closeAllDesks, startDesk, waitingIds } from '../desk/support/desk-harness.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { startFakeSlack } from '../vendors/fakes/fake-slack.js';
import { startFakeTeams } from '../vendors/fakes/fake-teams.js';
import { startFakeTwilio, twilioAccountSid, twilioAuthToken } from '../vendors/fakes/fake-twilio.js';
import { startSmtpTestServer } from '../vendors/fakes/smtp-test-server.js';

const track = closeAfterEach();
afterEach(closeAllDesks);

/** A kiosk with one channel of every type, each on a real server on 127.0.0.1. */
async function everyChannel() {
  const desk = await startDesk({ device: (d) => void (d.receiver.secrets = [testSecret]) });
  const hook = track(await startVerifyingReceiver([testSecret]));
  const teams = track(await startFakeTeams());
  const slack = track(await startFakeSlack());
  const twilio = track(await startFakeTwilio());
  const smtp = track(await startSmtpTestServer());
  const kiosk = track(
    await startKiosk(
      kioskConfig({
        // One attempt each, so give it the production time limit rather than the harness's fast 1 s.
        requestTimeoutMs: 10_000,
        channels: [
          { id: 'front-desk', type: 'desk', url: desk.url(), secret: testSecret },
          { id: 'cad', type: 'webhook', url: `${hook.url}/requests`, secret: testSecret },
          { id: 'teams', type: 'teams', url: teams.url },
          { id: 'slack', type: 'slack', url: slack.url, use: 'escalation' },
          {
            id: 'sms',
            type: 'twilio',
            accountSid: twilioAccountSid,
            authToken: twilioAuthToken,
            from: '+18165550100',
            to: ['+18165550111'],
            apiBaseUrl: twilio.baseUrl,
          },
          {
            id: 'email',
            type: 'smtp',
            host: '127.0.0.1',
            port: smtp.port,
            security: 'none',
            from: 'kiosk@pd.example',
            to: ['duty@pd.example'],
          },
        ],
      }),
    ),
  );
  const admin = kiosk.service.admin;
  if (!admin?.testPage) throw new Error('the kiosk offers no test page');
  return { desk, hook, teams, slack, twilio, smtp, kiosk, admin, testPage: admin.testPage };
}

describe('a test page from the admin screen', () => {
  it('reaches every channel type, marked TEST in each message', async () => {
    const { desk, hook, teams, slack, twilio, smtp, testPage } = await everyChannel();
    const results = await testPage(undefined);

    expect(results.map((r) => [r.type, r.outcome])).toEqual([
      ['desk', 'delivered'],
      ['webhook', 'delivered'],
      ['teams', 'delivered'],
      ['slack', 'delivered'],
      ['twilio', 'delivered'],
      ['smtp', 'delivered'],
    ]);
    const onDesk = (desk.handlers['desk.getState']({}) as DeskState).requests;
    expect(onDesk).toHaveLength(1);
    expect(onDesk[0]).toMatchObject({ test: true, kiosk: { id: 'K1' } });
    expect([...hook.requests.values()][0]).toMatchObject({ test: true });
    expect(JSON.stringify(teams.cards[0])).toContain('TEST');
    expect(slack.messages[0]?.text).toMatch(/^TEST: /);
    expect(twilio.sent[0]?.body).toMatch(/^TEST: .*No one needs help/);
    expect(smtp.received[0]?.subject).toMatch(/^TEST page/);
    // The desk's OS notification says it is a test, never like a person waiting.
    expect(desk.notifications.at(-1)).toMatchObject({ title: 'TEST page from Lobby kiosk 1', urgent: false });
  });

  it('goes to one channel when one is chosen, and shows there as the last result, not as a failed delivery', async () => {
    const { slack, teams, testPage, admin } = await everyChannel();
    slack.script.push({ status: 404, body: 'no_service' });
    const results = await testPage('slack');
    expect(results).toEqual([{ channelId: 'slack', type: 'slack', outcome: 'failed', reason: 'HTTP 404 no_service' }]);
    expect(teams.cards).toHaveLength(0);
    const slackStatus = admin.channels().find((c) => c.id === 'slack');
    expect(slackStatus).toMatchObject({
      lastResult: 'failed',
      lastReason: 'HTTP 404 no_service',
      failedDeliveries: 0,
      host: new URL(slack.url).host,
    });
    expect(JSON.stringify(admin.channels())).not.toContain(slack.secret);
    await expect(testPage('nope')).rejects.toThrow('no channel');
  });

  it('is never counted in reports or the CSV, and acknowledging it on the desk closes it', async () => {
    const { desk, kiosk, testPage } = await everyChannel();
    await testPage('front-desk');
    const real = await kiosk.service.handlers['request.submit'](sampleInput());
    await desk.waitForState((s) => s.requests.some((r) => r.id === real.id));

    const report = await desk.handlers['desk.report']({ period: 'day' });
    expect(report.total).toBe(1);
    const { csv } = await desk.handlers['desk.exportCsv']({ period: 'day' });
    // The total row: its "requests" column counts the real request only.
    expect(csv.trim().split(/\r?\n/).at(-1)).toMatch(/^[^,]+,1,/);

    const test = (desk.handlers['desk.getState']({}) as DeskState).requests.find((r) => r.test);
    if (!test) throw new Error('the test page is not on the desk');
    const answered = await desk.handlers['desk.acknowledge']({ id: test.id, messageKey: 'coming-now' });
    expect(answered).toMatchObject({ state: 'closed', test: true });
    const after = desk.handlers['desk.getState']({}) as DeskState;
    expect(after.requests.map((r) => r.id)).toEqual([real.id]);
    expect(waitingIds(after)).toEqual([real.id]);
    expect(await desk.handlers['desk.history']({ days: 7 })).toEqual([]);
    expect((await desk.handlers['desk.report']({ period: 'day' })).total).toBe(1);
  });
});
