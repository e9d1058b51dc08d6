import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDesks, kioskRequest, renderDesk, sendOtherDeskAnswer, sendRequest } from './desk-harness';

afterEach(async () => {
  vi.useRealTimers();
  await closeDesks();
});

const cards = () => screen.queryAllByRole('article');

describe("the desk console's live list of kiosk requests", () => {
  it('shows a new request with its type, kiosk, reference, language by name, first name and answers', async () => {
    const desk = await renderDesk();
    expect(screen.getByText('No kiosk requests are waiting.')).toBeTruthy();
    await sendRequest(desk, kioskRequest({ reference: 'K1-4821', language: 'es', firstName: 'Maria', turningIn: true }));
    const card = await screen.findByRole('article', { name: /Wants help for themselves/ });
    const facts = within(card);
    expect(facts.getByText('Lobby kiosk 1')).toBeTruthy();
    expect(facts.getByText('K1-4821')).toBeTruthy();
    expect(facts.getByText('Spanish')).toBeTruthy();
    expect(facts.getByText('Maria')).toBeTruthy();
    expect(facts.getByText('Turning in items').nextElementSibling?.textContent).toBe('Yes');
    expect(facts.getByText('Someone in danger now').nextElementSibling?.textContent).toBe('No');
    expect(facts.getByText('Needs an answer')).toBeTruthy();
  });

  it('says "Not given" when the person gave no first name', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest());
    const card = await screen.findByRole('article');
    expect(within(card).getByText('First name').nextElementSibling?.textContent).toBe('Not given');
  });

  it('lists emergencies first, whatever order they arrived in', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ kind: 'drop-off' }));
    await sendRequest(desk, kioskRequest({ kind: 'emergency', dangerNow: true }));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(cards()[0]?.textContent).toContain('Emergency: possible overdose');
    expect(cards()[1]?.textContent).toContain('Drop-off only (amnesty)');
  });

  it('counts the waiting time up every second', async () => {
    // The screen's clock (useNow: setInterval and Date) is moved by the test instead of waited for.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest());
    const card = await screen.findByRole('article');
    const waiting = () => card.querySelector('[data-field="waiting"]')?.textContent;
    await act(async () => vi.advanceTimersByTime(1000));
    const first = waiting();
    expect(first).toMatch(/\d/);
    await act(async () => vi.advanceTimersByTime(1000));
    expect(waiting(), 'one second later').not.toBe(first);
  });

  it('answers with "Please wait, about 5 minutes" and then offers the close outcomes', async () => {
    const desk = await renderDesk();
    const request = kioskRequest();
    await sendRequest(desk, request);
    const card = await screen.findByRole('article');
    await userEvent.click(within(card).getByRole('button', { name: 'Please wait, about 5 minutes' }));
    expect(await within(card).findByText('Answered from this desk:')).toBeTruthy();
    const state = await desk.api['desk.getState']({});
    expect(state.requests[0]?.acknowledgement?.messageKey).toBe('wait-5-minutes');
    expect(within(card).queryByText('Needs an answer')).toBeNull();
    expect(within(card).getByRole('group', { name: /Close the request/ })).toBeTruthy();
    // Answered: how long the person waited for it, fixed, instead of a ticking "Waiting".
    expect(within(card).getByText('Waited for an answer').nextElementSibling?.querySelector('[data-field="waited"]')?.textContent).toMatch(
      /\d/,
    );
    expect(within(card).queryByText('Waiting')).toBeNull();
  });

  it('closing with an outcome takes the request off the list and into the history', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ reference: 'K1-7001' }));
    const card = await screen.findByRole('article');
    await userEvent.click(within(card).getByRole('button', { name: 'An officer is coming now' }));
    await userEvent.click(await within(card).findByRole('button', { name: 'Taken to treatment' }));
    expect(await screen.findByText('No kiosk requests are waiting.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'History' }));
    const row = (await screen.findByText('K1-7001')).closest('tr');
    expect(row?.textContent).toContain('Taken to treatment');
    expect(row?.textContent).toContain('An officer is coming now (Front desk)');
  });

  it('a request another desk took shows "Taken by" that desk and offers no buttons', async () => {
    const desk = await renderDesk();
    const request = kioskRequest();
    await sendRequest(desk, request);
    await screen.findByRole('article');
    await sendOtherDeskAnswer(desk, request, 'Records window', 'coming-now');
    const card = await screen.findByRole('article');
    await waitFor(() => expect(card.querySelector('[data-field="taken-by"]')?.textContent).toContain('Taken by Records window'));
    expect(within(card).queryAllByRole('button')).toHaveLength(0);
  });

  it('says so when an answer does not go through, and keeps the buttons', async () => {
    const desk = await renderDesk({ api: (api) => ({ ...api, 'desk.acknowledge': () => Promise.reject(new Error('offline')) }) });
    await sendRequest(desk, kioskRequest());
    const card = await screen.findByRole('article');
    await userEvent.click(within(card).getByRole('button', { name: 'Please come to the window' }));
    expect((await within(card).findByRole('alert')).textContent).toBe('That did not go through. Please try again.');
    expect(within(card).getByRole('button', { name: 'Please come to the window' })).toBeTruthy();
  });

  it('keeps keyboard focus on the request after answering, and on the list after closing', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest());
    const card = await screen.findByRole('article');
    within(card).getByRole('button', { name: 'An officer is coming now' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement?.getAttribute('data-field')).toBe('answered'));
    within(card).getByRole('button', { name: 'Not today' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Kiosk requests' })));
  });
});

describe('an emergency on the desk', () => {
  const withNaloxone = (json: Record<string, unknown>) => ({ ...json, program: { ...(json.program as object), naloxoneAtDesk: true } });

  it('leads with what to do (naloxone where the desk keeps it) and offers only answers that mean help now', async () => {
    const desk = await renderDesk({ profile: withNaloxone });
    await sendRequest(desk, kioskRequest({ kind: 'emergency', dangerNow: true }));
    const card = await screen.findByRole('article', { name: /Emergency: possible overdose/ });
    const guidance = card.querySelector('[data-field="guidance"]');
    expect(guidance?.textContent).toContain('If someone is not breathing or will not wake up, call 911.');
    expect(guidance?.querySelector('[data-field="naloxone"]')?.textContent).toBe('Take the naloxone (Narcan) kept at the desk.');
    // Guidance before the facts.
    expect(guidance?.compareDocumentPosition(card.querySelector('dl') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    const answers = within(within(card).getByRole('group', { name: /Answer the person/ }))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(answers).toEqual(['An officer is coming now', 'We called 911. An officer is coming now']);
  });

  it('says nothing of naloxone where the profile does not say the desk keeps it', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ kind: 'emergency', dangerNow: true }));
    const card = await screen.findByRole('article', { name: /Emergency: possible overdose/ });
    expect(card.querySelector('[data-field="guidance"]')).not.toBeNull();
    expect(card.querySelector('[data-field="naloxone"]')).toBeNull();
  });

  it('the desk core refuses a wait or "come to the window" for an emergency, whatever sent it', async () => {
    const desk = await renderDesk();
    const request = kioskRequest({ kind: 'help-self', dangerNow: true });
    await sendRequest(desk, request);
    await screen.findByRole('article');
    for (const messageKey of ['wait-5-minutes', 'come-to-window'] as const) {
      await expect(desk.api['desk.acknowledge']({ id: request.id, messageKey })).rejects.toMatchObject({
        message: expect.stringMatching(/only be answered with help now/),
      });
    }
    expect((await desk.api['desk.getState']({})).requests[0]?.acknowledgement).toBeUndefined();
    await desk.api['desk.acknowledge']({ id: request.id, messageKey: 'called-911' });
    expect((await desk.api['desk.getState']({})).requests[0]?.acknowledgement?.messageKey).toBe('called-911');
  });
});
