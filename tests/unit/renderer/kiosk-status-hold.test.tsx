/**
 * The status screen waits with the person (issue 9): while this visit's
 * request is open and unanswered the idle reset leaves it alone; after the
 * answer it stays answeredStaySeconds, then starts over without asking;
 * anywhere else idle is unchanged.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app';
import { kioskBootstrap, scriptedKioskApi, type ScriptedKiosk } from './support/scripted-kiosk-api';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const ack = { messageKey: 'coming-now' as const, deskId: 'D1', deskName: 'Front desk', at: '2026-01-01T10:05:00.000Z' };
const welcome = 'Need help with drugs or alcohol?';

async function sendRequest(kiosk: ScriptedKiosk) {
  const user = userEvent.setup();
  render(<App api={kiosk.api} />);
  // The first render loads the kiosk's chunk and translations.
  await screen.findByRole('heading', { level: 1, name: welcome }, { timeout: 5000 });
  await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
  await user.click(await screen.findByRole('button', { name: /^Get help for myself/ }));
  await user.click(await screen.findByRole('button', { name: 'No' }));
  await user.click(await screen.findByRole('button', { name: 'Skip' }));
  await user.click(await screen.findByRole('button', { name: 'No' }));
  await user.click(await screen.findByRole('button', { name: 'Send to the front desk' }));
  await screen.findByText('Your request is saved. We are sending it to the front desk now.');
  return user;
}

/** From here the clock is the test's: the person stands and waits, touching nothing. */
function personWaits() {
  vi.useFakeTimers();
  fireEvent.keyDown(document.body.querySelector('main') as HTMLElement, { key: 'Shift' });
}
const seconds = (n: number) => {
  for (let i = 0; i < n; i += 1) act(() => vi.advanceTimersByTime(1000));
};

describe('the status screen waits with the person', () => {
  it('while the request is open and unanswered, ten minutes without a touch neither warn nor wipe it', async () => {
    const kiosk = scriptedKioskApi();
    await sendRequest(kiosk);
    personWaits();
    act(() => kiosk.move({ phase: 'delivered', status: 'delivered' }));
    seconds(300);
    act(() => kiosk.move({ status: 'not-answered' }));
    seconds(300);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('The front desk has your request but has not answered yet.')).toBeTruthy();
    expect(screen.getByText('K1-1001')).toBeTruthy();
  });

  it('after the answer it stays answeredStaySeconds, then starts over calmly, without asking', async () => {
    const kiosk = scriptedKioskApi(kioskBootstrap({ answeredStaySeconds: 90 }));
    await sendRequest(kiosk);
    personWaits();
    act(() => kiosk.move({ phase: 'acknowledged', status: 'answered', acknowledgement: ack }));
    expect(screen.getByText('An officer is coming to you now.')).toBeTruthy();
    seconds(89);
    expect(screen.getByText('An officer is coming to you now.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    seconds(1);
    vi.useRealTimers();
    await screen.findByRole('heading', { level: 1, name: welcome });
    expect(document.body.textContent).not.toContain('K1-1001');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('"Done" ends it at once', async () => {
    const kiosk = scriptedKioskApi();
    const user = await sendRequest(kiosk);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { level: 1, name: welcome });
    expect(document.body.textContent).not.toContain('K1-1001');
  });

  it('elsewhere the idle reset is unchanged: reading about the program while waiting, it warns after a minute and wipes', async () => {
    const kiosk = scriptedKioskApi();
    const user = await sendRequest(kiosk);
    await user.click(screen.getByRole('button', { name: /^Read about Safe Passage/ }));
    personWaits();
    seconds(60);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    seconds(20);
    vi.useRealTimers();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await screen.findByRole('heading', { level: 1, name: welcome });
  });

  it('the emergency screen follows the same rule, and keeps "Call 911" in view in every state', async () => {
    const kiosk = scriptedKioskApi(kioskBootstrap({ answeredStaySeconds: 30 }));
    const user = userEvent.setup();
    render(<App api={kiosk.api} />);
    await screen.findByRole('heading', { level: 1, name: welcome }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Alert the front desk now' }));
    await screen.findByRole('heading', { level: 1, name: 'Call 911 now' });
    personWaits();
    act(() => kiosk.move({ phase: 'delivered', status: 'delivered' }));
    seconds(600);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Call 911 now' })).toBeTruthy();
    act(() => kiosk.move({ phase: 'acknowledged', status: 'answered', acknowledgement: ack }));
    expect(screen.getByRole('heading', { level: 1, name: 'Call 911 now' })).toBeTruthy();
    seconds(30);
    vi.useRealTimers();
    await screen.findByRole('heading', { level: 1, name: welcome });
  });

  it('once the officer answers "We called 911", the banner says so and stops asking the person to call', async () => {
    const kiosk = scriptedKioskApi();
    const user = userEvent.setup();
    render(<App api={kiosk.api} />);
    await screen.findByRole('heading', { level: 1, name: welcome }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Alert the front desk now' }));
    await screen.findByRole('heading', { level: 1, name: 'Call 911 now' });
    act(() => kiosk.move({ phase: 'delivered', status: 'delivered' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Call 911 now' })).toBeTruthy();
    act(() => kiosk.move({ phase: 'acknowledged', status: 'answered', acknowledgement: { ...ack, messageKey: 'called-911' } }));
    expect(screen.getByRole('heading', { level: 1, name: 'We called 911' })).toBeTruthy();
    expect(screen.getByText('Stay here. If anything changes, tell the officer at the front window right away.')).toBeTruthy();
    // The answer box says the rest of the officer's answer: the banner and the box read as one message, "We called 911" once.
    expect(document.querySelector('.request-status__answer')?.textContent).toBe('An officer is coming to you now.');
    expect(document.body.textContent?.split('We called 911')).toHaveLength(2);
    expect(document.body.textContent).not.toContain('Call 911 now');
  });
});
