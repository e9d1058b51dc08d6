import { afterEach, describe, expect, it } from 'vitest';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startFakeTeams, type FakeTeams } from './fakes/fake-teams.js';
import { json, text } from './fakes/loopback-http.js';
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

let teams: FakeTeams;
afterEach(() => teams.close());

const channel = (url: string) => ({ id: 'teams-duty', use: 'page' as const, type: 'teams' as const, url });

describe('a page to Microsoft Teams', () => {
  it('posts an Adaptive Card in the documented envelope, which a Workflows webhook accepts with 202', async () => {
    teams = await startFakeTeams();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(teams.url), deps).send(normalPage, neverAborted());

    expect(result).toEqual({ outcome: 'delivered' });
    expect(teams.cards).toHaveLength(1);
    const card = teams.cards[0] as { version: string; body: Array<{ type: string; text: string }> };
    expect(card.version).toBe('1.4');
    expect(card.body.map((block) => block.text)).toEqual(['Safe Passage request ref K1-4821 at Lobby kiosk 1', normalText]);
    // The whole request, as Microsoft documents it: one message, one Adaptive Card, a bold wrapped title and wrapped text.
    expect(JSON.parse(teams.requests[0]?.body ?? '')).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'TextBlock',
                text: 'Safe Passage request ref K1-4821 at Lobby kiosk 1',
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
              },
              { type: 'TextBlock', text: normalText, wrap: true },
            ],
          },
        },
      ],
    });
    expect(teams.requests[0]?.headers['content-type']).toBe('application/json');
    expectNoSecrets(deps.entries, [result], [teams.url, teams.secret]);
  });

  it('marks an emergency in the attention colour', async () => {
    teams = await startFakeTeams();
    await createVendorSender(channel(teams.url), vendorDeps()).send(emergencyPage, neverAborted());
    const body = (teams.cards[0] as { body: Array<{ text: string; color?: string }> }).body;
    expect(body[0]?.color).toBe('Attention');
    expect(body[1]?.text).toBe(emergencyText);
  });

  it('marks an escalation (a page nobody acknowledged) in the attention colour too', async () => {
    teams = await startFakeTeams();
    await createVendorSender(channel(teams.url), vendorDeps()).send(escalationPage, neverAborted());
    expect((teams.cards[0] as { body: Array<{ color?: string }> }).body[0]?.color).toBe('Attention');
  });

  it('is delivered by a legacy incoming webhook answering 200 "1"', async () => {
    teams = await startFakeTeams({ legacy: true });
    expect(await createVendorSender(channel(teams.url), vendorDeps()).send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
  });

  it('sees through a legacy webhook that buries a refusal in a 200', async () => {
    teams = await startFakeTeams({ legacy: true });
    teams.script.push(
      text(200, 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0.'),
    );
    teams.script.push(
      text(200, 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 400 with ContextId tcid=0.'),
    );
    const sender = createVendorSender(channel(teams.url), vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toMatchObject({
      outcome: 'retry',
      reason: 'HTTP 200, Teams endpoint returned 429',
    });
    expect(await sender.send(normalPage, neverAborted())).toMatchObject({
      outcome: 'permanent',
      reason: 'HTTP 200, Teams endpoint returned 400',
    });
  });

  it("treats a workflow that no longer exists as permanent and names Power Automate's error code", async () => {
    teams = await startFakeTeams();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(`${teams.baseUrl}/workflows/deleted?sig=old`), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'HTTP 404 WorkflowNotFound' });
    expectNoSecrets(deps.entries, [result], ['sig=old']);
  });

  it('retries when throttled, honouring Retry-After', async () => {
    teams = await startFakeTeams();
    teams.script.push(json(429, { error: { code: 'WorkflowTriggerIsThrottled', message: 'slow down' } }, { 'retry-after': '7' }));
    const result = await createVendorSender(channel(teams.url), vendorDeps()).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'retry', reason: 'HTTP 429 WorkflowTriggerIsThrottled', retryAfterMs: 7000 });
  });

  it('gives up on an attempt the endpoint never answers, within the time limit', async () => {
    teams = await startFakeTeams();
    teams.script.push('hang');
    const result = await createVendorSender(channel(teams.url), vendorDeps(200)).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'retry', reason: 'timeout' });
  });

  it('stops at once when the outbox cancels', async () => {
    teams = await startFakeTeams();
    teams.script.push('hang');
    const controller = new AbortController();
    const sending = createVendorSender(channel(teams.url), vendorDeps()).send(normalPage, controller.signal);
    await expect.poll(() => teams.requests.length).toBe(1);
    controller.abort();
    expect(await sending).toEqual({ outcome: 'retry', reason: 'aborted' });
  });
});
