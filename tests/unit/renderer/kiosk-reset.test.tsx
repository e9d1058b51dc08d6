import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeKiosks, renderKiosk, requestOnDesk, type KioskHarness } from './kiosk-harness';

afterEach(async () => {
  vi.useRealTimers();
  await closeKiosks();
});

type User = KioskHarness['user'];
const tap = (user: User, name: string | RegExp) => user.click(screen.getByRole('button', { name }));
const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

/** A name no screen text contains, so finding it anywhere means it was left behind. */
const name = 'Zephyrine';

async function typeNameInSpanish(user: User) {
  await tap(user, 'Español');
  await tap(user, 'Toque aquí para empezar');
  await tap(user, /^Quiero ayuda para alguien que está conmigo/);
  await tap(user, 'No');
  await user.type(await screen.findByLabelText('Nombre (sin apellido)'), name);
  expect(document.body.innerHTML).toContain(name);
}

/** Nothing of the previous person: not the name, not the language, not the place, not the answers. */
async function expectFreshStart(user: User) {
  await heading('Need help with drugs or alcohol?');
  expect(document.body.innerHTML).not.toContain(name);
  expect(document.documentElement.lang).toBe('en');
  expect(document.documentElement.dir).toBe('ltr');
  expect(document.documentElement.hasAttribute('data-text-size')).toBe(false);
  // The same path again finds every answer empty.
  await tap(user, 'Touch here to start');
  await tap(user, /^Get help for myself/);
  await tap(user, 'No');
  expect(((await screen.findByLabelText('First name')) as HTMLInputElement).value).toBe('');
  await tap(user, 'Skip');
  await tap(user, 'No');
  await heading('Check your request');
  expect(screen.getByText('Help for myself')).toBeTruthy();
  expect(screen.getByText('Not given')).toBeTruthy();
}

describe('starting over', () => {
  it('"Start over" wipes the name, the answers, the language and the display settings', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Larger text');
    await typeNameInSpanish(user);
    expect(document.documentElement.getAttribute('data-text-size')).toBe('large');
    await tap(user, 'Volver a empezar');
    await expectFreshStart(user);
  });

  it('after the idle warning runs out, the kiosk starts over and nothing of the person remains', async () => {
    const { user } = await renderKiosk();
    await typeNameInSpanish(user);
    // From here the clock is the test's: the person walks away.
    vi.useFakeTimers();
    fireEvent.keyDown(screen.getByLabelText('Nombre (sin apellido)'), { key: 'Shift' });
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    for (let second = 0; second < 20; second += 1) act(() => vi.advanceTimersByTime(1000));
    vi.useRealTimers();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await expectFreshStart(user);
  });

  it('a request already sent keeps going to the desk after the screen forgets it', async () => {
    const { user, desk } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Get help for myself/);
    await tap(user, 'No');
    await user.type(await screen.findByLabelText('First name'), name);
    await tap(user, 'Next');
    await tap(user, 'No');
    await tap(user, 'Send to the front desk');
    await tap(user, 'Start over');
    await heading('Need help with drugs or alcohol?');
    await waitFor(async () => expect(await requestOnDesk(desk)).toMatchObject({ firstName: name }), { timeout: 5000 });
    const reference = (await requestOnDesk(desk))?.reference ?? 'missing';
    expect(document.body.innerHTML).not.toContain(name);
    expect(document.body.innerHTML).not.toContain(reference);
  });
});

describe('changing language', () => {
  it('keeps the person on the same question with the same answer', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Get help for myself/);
    await tap(user, 'No');
    await user.type(await screen.findByLabelText('First name'), 'Ana');
    await tap(user, 'Language');
    await tap(user, 'Tiếng Việt');
    await heading('Tên của bạn là gì?');
    expect((screen.getByLabelText('Tên (không cần họ)') as HTMLInputElement).value).toBe('Ana');
    expect(document.documentElement.lang).toBe('vi');
    // The menu closes and focus returns to the button that opened it.
    expect(screen.queryByRole('button', { name: 'English' })).toBeNull();
    expect(document.activeElement?.textContent).toContain('Ngôn ngữ');
  });
});

describe('the first-name question', () => {
  it('explains what is wrong and does not move on until it is fixed', async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Get help for myself/);
    await tap(user, 'No');
    const input = await screen.findByLabelText('First name');
    await user.type(input, 'Ana3');
    expect(screen.getByRole('alert').textContent).toBe('Please use letters only. Take out numbers and signs.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await tap(user, 'Next');
    expect(screen.getByRole('heading', { level: 1, name: 'What is your first name?' })).toBeTruthy();
    expect(document.activeElement).toBe(input);

    await user.clear(input);
    await user.type(input, 'a'.repeat(31));
    expect(screen.getByRole('alert').textContent).toBe('Please use 30 letters or less.');
    await user.clear(input);
    await user.type(input, 'Anne-Marie');
    expect(screen.queryByRole('alert')).toBeNull();
    await tap(user, 'Next');
    await heading('Are you turning in drugs or needles today?');
  });

  it("can be typed on the kiosk's own keyboard", async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    await tap(user, /^Get help for myself/);
    await tap(user, 'No');
    const keyboard = await screen.findByRole('group', { name: 'Keyboard for your first name' });
    for (const key of ['J', 'o'])
      await user.click(Array.from(keyboard.querySelectorAll('button')).find((b) => b.textContent === key) as HTMLElement);
    expect((screen.getByLabelText('First name') as HTMLInputElement).value).toBe('Jo');
  });
});

describe('moving between screens', () => {
  it("puts focus on each new screen's heading", async () => {
    const { user } = await renderKiosk();
    await tap(user, 'Touch here to start');
    expect(document.activeElement).toBe(await heading('How can we help?'));
    await tap(user, 'Questions and answers');
    expect(document.activeElement).toBe(await heading('Questions and answers'));
    await tap(user, 'Is it free?');
    expect(document.activeElement).toBe(await heading('Is it free?'));
    await tap(user, 'Back');
    expect(document.activeElement).toBe(await heading('Questions and answers'));
  });
});
