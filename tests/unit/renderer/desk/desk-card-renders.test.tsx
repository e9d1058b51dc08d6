import { act, cleanup, render, screen } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveView } from '../../../../renderer/src/desk/live-view';
import type * as DetailsModule from '../../../../renderer/src/desk/request-details';
import { setupI18n } from '../../../../renderer/src/i18n/setup-i18n';
import type { LobbyApi } from '../../../../shared/contract';
import type { DeskRequestView, DeskState } from '../../../../shared/desk';
import { deskState, openRequest } from './desk-views';

// Counts how often each card's facts are drawn, by request id, around the real component.
const draws = vi.hoisted(() => new Map<string, number>());
vi.mock('../../../../renderer/src/desk/request-details', async (importOriginal) => {
  const real = await importOriginal<typeof DetailsModule>();
  return {
    RequestDetails: (props: { request: DeskRequestView }) => {
      draws.set(props.request.id, (draws.get(props.request.id) ?? 0) + 1);
      return real.RequestDetails(props);
    },
  };
});

let i18n: I18n;
beforeAll(async () => {
  i18n = await setupI18n({ language: 'en' });
});
afterEach(() => {
  cleanup();
  draws.clear();
  vi.useRealTimers();
});

const api = {} as LobbyApi;
const view = (state: DeskState) => (
  <I18nextProvider i18n={i18n}>
    <LiveView state={state} api={api} naloxoneAtDesk={false} />
  </I18nextProvider>
);
/** The same requests as a fresh copy, as a state sent whole over the wire arrives: equal content, new objects. */
const copied = (requests: DeskRequestView[]) => requests.map((request) => structuredClone(request));

describe('the desk redraws only what changed', () => {
  it('a new request draws one card; the cards already on screen are not drawn again', () => {
    const requests = [openRequest(3), openRequest(2), openRequest(1)];
    const shown = render(view(deskState(requests)));
    expect([...draws.values()]).toEqual([1, 1, 1]);
    const arrived = openRequest(0);
    shown.rerender(view(deskState([...copied(requests), arrived])));
    expect(screen.getAllByRole('article')).toHaveLength(4);
    expect(draws.get(arrived.id)).toBe(1);
    for (const request of requests) expect(draws.get(request.id)).toBe(1);
  });

  it('an answer to one request draws that card again and no other', () => {
    const requests = [openRequest(2), openRequest(1)];
    const shown = render(view(deskState(requests)));
    const [first, second] = copied(requests) as [DeskRequestView, DeskRequestView];
    const answered: DeskRequestView = {
      ...second,
      state: 'acknowledged',
      acknowledgement: { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', at: new Date().toISOString(), byThisDesk: true },
    };
    shown.rerender(view(deskState([first, answered])));
    expect(draws.get(second.id)).toBe(2);
    expect(draws.get(first.id)).toBe(1);
    expect(screen.getByText('Answered from this desk:')).toBeTruthy();
  });

  it('the waiting times tick every second without drawing any card again', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const requests = [openRequest(5), openRequest(4)];
    render(view(deskState(requests)));
    const waiting = () => screen.getAllByRole('article').map((card) => card.querySelector('[data-field="waiting"]')?.textContent);
    expect(waiting()).toEqual(['5 sec', '4 sec']);
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(waiting()).toEqual(['8 sec', '7 sec']);
    expect([...draws.values()]).toEqual([1, 1]);
  });
});
