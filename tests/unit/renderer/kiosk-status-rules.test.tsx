/**
 * The one status table (shared/request-status.ts): every state shows exactly
 * its own sentences and none of another state's, in every language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import type { ReadyBootstrap } from '../../../shared/bootstrap';
import { agencyProfileSchema } from '../../../shared/config';
import type { KioskRequestView } from '../../../shared/request';
import type { Priority } from '../../../shared/request-rules';
import {
  requestStatuses,
  statusOf,
  statusTable,
  type CoreRequestStatus,
  type RequestStatus,
  type StatusFacts,
} from '../../../shared/request-status';
import { setupI18n } from '../../../renderer/src/i18n/setup-i18n';
import { answerTime } from '../../../renderer/src/kiosk/parts/answer-time';
import { RequestStatusView } from '../../../renderer/src/kiosk/parts/request-status-view';
import { KioskContext, type KioskContextValue } from '../../../renderer/src/kiosk/session/kiosk-context';
import { newerView, reportFor, type Submission } from '../../../renderer/src/kiosk/session/request-status';
import { initialSession } from '../../../renderer/src/kiosk/session/session-state';
import { resourcesDir } from '../support/temp-config';

const view = (changes: Partial<KioskRequestView> = {}): KioskRequestView => ({
  id: 'r1',
  reference: 'K1-1234',
  priority: 'normal',
  phase: 'captured',
  status: 'sending',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...changes,
});

const ack = { messageKey: 'coming-now' as const, deskId: 'D1', deskName: 'Front desk', at: '2026-01-01T10:01:00.000Z' };
const phaseOf: Record<CoreRequestStatus, KioskRequestView['phase']> = {
  sending: 'captured',
  'not-reached-yet': 'captured',
  failed: 'captured',
  delivered: 'delivered',
  'not-answered': 'delivered',
  'passed-on': 'delivered',
  answered: 'acknowledged',
  closed: 'closed',
};

/** A submission in each state, as the screen would hold it. */
function submissionIn(status: RequestStatus, priority: Priority = 'normal'): Submission {
  if (status === 'saving') return { state: 'sending', priority };
  if (status === 'not-saved') return { state: 'not-saved', priority };
  const acknowledged = status === 'answered' || status === 'closed';
  return {
    state: 'saved',
    view: view({ status, priority, phase: phaseOf[status], ...(acknowledged ? { acknowledgement: ack } : {}) }),
  };
}

const profile = agencyProfileSchema.parse(
  JSON.parse(readFileSync(path.join(resourcesDir, 'profiles', 'safe-passage-lees-summit.json'), 'utf8')),
);
const bootstrap: ReadyBootstrap = {
  state: 'ready',
  role: 'kiosk',
  placeName: 'Lobby kiosk 1',
  deviceId: 'K1',
  profile,
  languages: [],
  idle: { warnAfterSeconds: 60, countdownSeconds: 20, answeredStaySeconds: 180 },
};

async function renderStatus(status: RequestStatus, language: string, priority: Priority = 'normal') {
  const i18n = await setupI18n({ language, profile });
  const context: KioskContextValue = {
    bootstrap,
    state: initialSession,
    dispatch: () => undefined,
    submission: submissionIn(status, priority),
    chooseHelp: () => undefined,
    emergency: () => undefined,
    sendRequest: () => undefined,
    startOver: () => undefined,
  };
  render(
    <I18nextProvider i18n={i18n}>
      <KioskContext.Provider value={context}>
        <RequestStatusView submission={submissionIn(status, priority)} />
      </KioskContext.Provider>
    </I18nextProvider>,
  );
  const t = i18n.getFixedT(language, 'kiosk');
  return { text: document.body.textContent ?? '', t };
}

/** The sentences that say where a request is: each belongs to some states and must never show in the others. */
const claims = {
  headline: (status: RequestStatus) => statusTable[status].headlineKey,
  stillTrying: 'fallback.stillTrying',
  lead: 'fallback.lead',
  alsoLead: 'fallback.alsoLead',
  answer: 'status.ack.comingNow',
};

afterEach(cleanup);

describe.each(['en', 'es', 'ar', 'vi'])('the status screen in %s', (language) => {
  it.each(requestStatuses)('"%s" shows its one headline and only the sentences that are true then', async (status) => {
    const { text, t } = await renderStatus(status, language);
    const row = statusTable[status];
    expect(text).toContain(t(row.headlineKey));
    for (const other of requestStatuses) {
      const otherHeadline = t(statusTable[other].headlineKey);
      // "acknowledged" is a prefix of nothing else; compare whole sentences.
      if (other !== status && otherHeadline !== t(row.headlineKey))
        expect(text, `${status} shows ${other}'s headline`).not.toContain(otherHeadline);
    }
    expect(text.includes(t(claims.stillTrying)), 'still trying').toBe(row.fallback === 'while-trying');
    expect(text.includes(t(claims.lead)), 'other ways to get help, as the main instruction').toBe(
      row.fallback === 'while-trying' || row.fallback === 'only',
    );
    expect(text.includes(t(claims.alsoLead)), 'other ways to get help, as an addition').toBe(row.fallback === 'also');
    // The closed headline itself may name the window; the list of other ways is what must not show.
    expect(document.querySelector('[data-fallback]')?.getAttribute('data-fallback') ?? 'none', 'the other ways to get help').toBe(
      row.fallback,
    );
    expect(text.includes(t(claims.answer)), "the officer's answer").toBe(row.showsAnswer);
    expect(screen.queryByText('K1-1234') !== null, 'reference').toBe(status !== 'saving' && status !== 'not-saved');
    expect(document.querySelector('.request-status__answered-at') !== null, 'when the officer answered').toBe(row.showsAnswer);
  });

  it('on the emergency screen, "delivered" never says to wait at the kiosk: the banner above says to go to the window now', async () => {
    const { text, t } = await renderStatus('delivered', language, 'emergency');
    expect(text).toContain(t('status.headline.deliveredEmergency'));
    expect(text).not.toContain(t('status.headline.delivered'));
    // Every other state reads the same on both screens.
    for (const status of requestStatuses.filter((s) => s !== 'delivered')) {
      cleanup();
      const emergency = await renderStatus(status, language, 'emergency');
      expect(emergency.text, status).toContain(t(statusTable[status].headlineKey));
    }
  });

  it("the officer's answer says the clock time it came, so after a long wait an old answer never reads as new", async () => {
    const { t } = await renderStatus('answered', language);
    const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(new Date(ack.at));
    const shown = document.querySelector('.request-status__answered-at')?.textContent;
    expect(shown).toBe(t('status.answeredAt', { time }));
    // Inside the live region with the answer, so a screen reader hears it with the answer.
    expect(document.querySelector('[role="status"] .request-status__answered-at')).not.toBeNull();
  });
});

describe("the time of the officer's answer", () => {
  it('is the clock time, to the minute (10:01 UTC shows its minutes, whatever the time zone)', async () => {
    await renderStatus('answered', 'en');
    expect(document.querySelector('.request-status__answered-at')?.textContent).toMatch(/^The officer answered at \d{1,2}:01\s?[AP]M\.$/);
  });

  it('is left out, not made up, when the answer carries no readable time', () => {
    expect(answerTime('not a time', 'en')).toBeUndefined();
  });
});

describe("the status that follows from the kiosk core's facts", () => {
  const phases = ['captured', 'delivered', 'acknowledged', 'closed'] as const;
  const combinations: StatusFacts[] = phases.flatMap((phase) =>
    [false, true].flatMap((late) =>
      [false, true].flatMap((failed) => [false, true].map((escalated) => ({ phase, late, failed, escalated }))),
    ),
  );

  const possible: Record<StatusFacts['phase'], CoreRequestStatus[]> = {
    captured: ['sending', 'not-reached-yet', 'failed'],
    delivered: ['delivered', 'not-answered', 'passed-on'],
    acknowledged: ['answered'],
    closed: ['closed'],
  };

  it.each(combinations)('%o has one status, and it never claims more (or less) than its phase', (facts) => {
    const status = statusOf(facts);
    expect(possible[facts.phase]).toContain(status);
    expect(statusTable[status].steps.delivered).toBe(facts.phase !== 'captured');
  });

  it('delivered after the fallback showed: "the front desk has it", never again "still trying"', () => {
    expect(statusOf({ phase: 'delivered', late: true, failed: false, escalated: false })).toBe('delivered');
    expect(statusTable.delivered.fallback).toBe('none');
  });

  it('delivered but not answered within the acknowledgement window: "has it, not answered yet", with the other ways as an addition', () => {
    expect(statusOf({ phase: 'delivered', late: true, failed: false, escalated: true })).toBe('not-answered');
    expect(statusTable['not-answered'].fallback).toBe('also');
  });

  it('not delivered within fallbackAfterSeconds: "can\'t reach the front desk yet", while the kiosk keeps trying', () => {
    expect(statusOf({ phase: 'captured', late: true, failed: false, escalated: false })).toBe('not-reached-yet');
    expect(statusOf({ phase: 'captured', late: true, failed: false, escalated: true })).toBe('not-reached-yet');
  });

  it('failed for good: the fallback only; an answer that still comes ends it', () => {
    expect(statusOf({ phase: 'captured', late: true, failed: true, escalated: false })).toBe('failed');
    expect(statusOf({ phase: 'acknowledged', late: true, failed: true, escalated: true })).toBe('answered');
  });

  it('each state has its own headline: no two states say the same thing', () => {
    const headlines = requestStatuses.map((status) => statusTable[status].headlineKey);
    expect(new Set(headlines).size).toBe(headlines.length);
  });
});

describe('what the report says besides the sentences', () => {
  it('while submit has not answered: nothing is claimed, not even "saved"', () => {
    const report = reportFor({ state: 'sending', priority: 'normal' });
    expect(report).toMatchObject({ status: 'saving', steps: { saved: false, delivered: false, answered: false }, fallback: 'none' });
    expect(report.reference).toBeUndefined();
  });

  it("answered: the officer's own message, by key", () => {
    expect(
      reportFor({
        state: 'saved',
        view: view({ phase: 'acknowledged', status: 'answered', acknowledgement: { ...ack, messageKey: 'wait-5-minutes' } }),
      }),
    ).toMatchObject({
      status: 'answered',
      ackKey: 'wait-5-minutes',
      steps: { answered: true },
    });
  });
});

describe('following a request through its events', () => {
  it('never steps back to an earlier phase, whatever order the views arrive in', () => {
    const delivered = view({ phase: 'delivered', status: 'delivered', updatedAt: '2026-01-01T10:00:01.000Z' });
    expect(newerView(delivered, view())).toBe(delivered);
    expect(newerView(view(), delivered)).toBe(delivered);
  });

  it('within a phase, takes the later update (for example the fallback becoming due)', () => {
    const late = view({ status: 'not-reached-yet', updatedAt: '2026-01-01T10:00:20.000Z' });
    expect(newerView(view(), late)).toBe(late);
    expect(newerView(late, view())).toBe(late);
  });

  it('a view of another request replaces nothing', () => {
    const other = view({ id: 'r2' });
    expect(newerView(undefined, other)).toBe(other);
  });
});
