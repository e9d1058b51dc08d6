import { afterEach, describe, expect, it } from 'vitest';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startFakeSlack, type FakeSlack } from './fakes/fake-slack.js';
import { text } from './fakes/loopback-http.js';
import { emergencyPage, emergencyText, expectNoSecrets, neverAborted, normalPage, normalText, vendorDeps } from './vendor-test-kit.js';

let slack: FakeSlack;
afterEach(() => slack.close());

const channel = (url: string) => ({ id: 'slack-duty', use: 'escalation' as const, type: 'slack' as const, url });

describe('a page to Slack', () => {
  it('posts the page as text to the incoming webhook, which answers 200 "ok"', async () => {
    slack = await startFakeSlack();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(slack.url), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'delivered' });
    expect(slack.messages).toEqual([{ text: normalText }]);
    expectNoSecrets(deps.entries, [result], [slack.url, slack.secret]);
  });

  it('sends the emergency wording unchanged', async () => {
    slack = await startFakeSlack();
    await createVendorSender(channel(slack.url), vendorDeps()).send(emergencyPage, neverAborted());
    expect(slack.messages[0]?.text).toBe(emergencyText);
  });

  it('escapes Slack markup, so a place name cannot become a mention or a link', async () => {
    slack = await startFakeSlack();
    await createVendorSender(channel(slack.url), vendorDeps()).send(
      { ...normalPage, kioskLocation: 'Lobby <!channel> & hall' },
      neverAborted(),
    );
    expect(slack.messages[0]?.text).toBe('Safe Passage request at Lobby &lt;!channel&gt; &amp; hall (ref K1-4821). See the desk console.');
  });

  it("treats a removed webhook as permanent and keeps Slack's error token in the reason", async () => {
    slack = await startFakeSlack();
    const deps = vendorDeps();
    const revoked = `${slack.baseUrl}/services/T0001/B0001/REVOKEDsecret999`;
    const result = await createVendorSender(channel(revoked), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 404 no_service' });
    expectNoSecrets(deps.entries, [result], [revoked, 'REVOKEDsecret999']);
  });

  it('reports invalid_payload and archived channels as permanent, rate limits and Slack outages as retries', async () => {
    slack = await startFakeSlack();
    slack.script.push(
      text(400, 'invalid_payload'),
      text(410, 'channel_is_archived'),
      text(429, 'rate_limited', { 'retry-after': '30' }),
      text(500, 'rollup_error'),
    );
    const sender = createVendorSender(channel(slack.url), vendorDeps());
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await sender.send(normalPage, neverAborted()));
    expect(results).toEqual([
      { outcome: 'permanent', reason: 'HTTP 400 invalid_payload' },
      { outcome: 'permanent', reason: 'HTTP 410 channel_is_archived' },
      { outcome: 'retry', reason: 'HTTP 429 rate_limited', retryAfterMs: 30000 },
      { outcome: 'retry', reason: 'HTTP 500 rollup_error' },
    ]);
  });

  it('never copies free text from an error body into the reason', async () => {
    slack = await startFakeSlack();
    slack.script.push(text(400, 'something went wrong for officer@example.com'));
    expect(await createVendorSender(channel(slack.url), vendorDeps()).send(normalPage, neverAborted())).toEqual({
      outcome: 'permanent',
      reason: 'HTTP 400',
    });
  });

  it('retries when nothing listens, without naming the address', async () => {
    slack = await startFakeSlack();
    const url = slack.url;
    await slack.close();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(url), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'retry', reason: 'ECONNREFUSED' });
    expectNoSecrets(deps.entries, [result], [url]);
    slack = await startFakeSlack();
  });

  it('gives up on an attempt Slack never answers, within the time limit', async () => {
    slack = await startFakeSlack();
    slack.script.push('hang');
    expect(await createVendorSender(channel(slack.url), vendorDeps(200)).send(normalPage, neverAborted())).toEqual({
      outcome: 'retry',
      reason: 'timeout',
    });
  });
});
