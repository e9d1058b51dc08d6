import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { RequestList, requestsPerPage } from '../../../../renderer/src/desk/request-list';
import { setupI18n } from '../../../../renderer/src/i18n/setup-i18n';
import type { LobbyApi } from '../../../../shared/contract';
import type { DeskState } from '../../../../shared/desk';
import { deskState, openRequest } from './desk-views';

let i18n: I18n;
beforeAll(async () => {
  i18n = await setupI18n({ language: 'en' });
});
afterEach(cleanup);

const api = {} as LobbyApi;

function renderList(state: DeskState) {
  return render(
    <I18nextProvider i18n={i18n}>
      <RequestList state={state} api={api} naloxoneAtDesk={false} />
    </I18nextProvider>,
  );
}

/** 300 open requests after a long outage, 4 of them emergencies scattered among the oldest and the newest. */
function outage(): DeskState {
  const emergencyAt = new Set([3, 150, 251, 299]);
  const requests = Array.from({ length: 300 }, (_, i) =>
    openRequest(300 - i, emergencyAt.has(i) ? { kind: 'emergency', priority: 'emergency', dangerNow: true } : {}),
  );
  return deskState(requests);
}

const cards = () => screen.getAllByRole('article');
const emergencyCards = () => cards().filter((card) => card.classList.contains('request-card--emergency'));

describe('a desk with hundreds of open requests', () => {
  it('draws every emergency first, then one page of the oldest requests, with the total always in view', () => {
    renderList(outage());
    expect(cards()).toHaveLength(4 + requestsPerPage);
    expect(
      cards()
        .slice(0, 4)
        .every((card) => card.classList.contains('request-card--emergency')),
    ).toBe(true);
    expect(screen.getByText('Open requests:').querySelector('[data-field="open-count"]')?.textContent).toBe('300');
    expect(screen.getByText(/not shown yet/).querySelector('[data-field="not-shown"]')?.textContent).toBe(
      String(300 - 4 - requestsPerPage),
    );
    // The oldest request (asked 300 s ago) is the first after the emergencies.
    expect(within(cards()[4]!).getByText('K1-1300')).toBeTruthy();
  });

  it('"Show more requests" draws the next page and counts down what is left', async () => {
    renderList(outage());
    await userEvent.click(screen.getByRole('button', { name: 'Show more requests' }));
    expect(cards()).toHaveLength(4 + 2 * requestsPerPage);
    expect(emergencyCards()).toHaveLength(4);
    expect(screen.getByText(/not shown yet/).querySelector('[data-field="not-shown"]')?.textContent).toBe(
      String(300 - 4 - 2 * requestsPerPage),
    );
  });

  it('a new emergency is drawn at the top even when hundreds of older requests are not shown', () => {
    const view = renderList(outage());
    const state = outage();
    const newest = openRequest(0, { id: 'req_view_new_emergency_1', kind: 'emergency', priority: 'emergency', dangerNow: true });
    view.rerender(
      <I18nextProvider i18n={i18n}>
        <RequestList state={deskState([...state.requests, newest])} api={api} naloxoneAtDesk={false} />
      </I18nextProvider>,
    );
    expect(emergencyCards()).toHaveLength(5);
    expect(emergencyCards().some((card) => card.getAttribute('data-request-id') === newest.id)).toBe(true);
    expect(screen.getByText('Open requests:').querySelector('[data-field="open-count"]')?.textContent).toBe('301');
  });

  it('a short list has no "Show more" and no hidden count', () => {
    renderList(deskState([openRequest(1), openRequest(2)]));
    expect(cards()).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Show more requests' })).toBeNull();
    expect(screen.queryByText(/not shown yet/)).toBeNull();
  });
});
