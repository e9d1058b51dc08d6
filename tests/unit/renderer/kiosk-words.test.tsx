/**
 * Issue 9, words: the home screen promises nothing before anything is sent,
 * the review says it is a review and shows every answer, Enter moves on from
 * the name, and "Start over" waits until there is something to start over.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { scriptedKioskApi } from './support/scripted-kiosk-api';

afterEach(cleanup);

const heading = (name: string) => screen.findByRole('heading', { level: 1, name });

async function start() {
  const user = userEvent.setup();
  render(<App api={scriptedKioskApi().api} />);
  await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' }, { timeout: 5000 });
  return user;
}

describe("the kiosk's words", () => {
  it('the home screen says what the person can ask for, and promises no officer before anything is sent', async () => {
    const user = await start();
    await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
    await heading('How can we help?');
    expect(document.querySelector('main')?.textContent).not.toMatch(/officer will come/i);
    expect(screen.getByRole('button', { name: /^Get help for myself/ }).textContent).toContain('You can ask to talk with an officer.');
  });

  it('the review is labelled as a review, not a question, and shows every answer, the danger one too', async () => {
    const user = await start();
    await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
    await user.click(await screen.findByRole('button', { name: /^Get help for myself/ }));
    expect(await screen.findByText('Question 1 of 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'No' }));
    await user.click(await screen.findByRole('button', { name: 'Skip' }));
    await user.click(await screen.findByRole('button', { name: 'No' }));
    await heading('Check your request');
    expect(screen.getByText('Last step: check your answers')).toBeTruthy();
    expect(screen.queryByText(/^Question \d of \d$/)).toBeNull();
    const rows = Array.from(document.querySelectorAll('.review__row'), (row) => [
      row.querySelector('dt')?.textContent,
      row.querySelector('.review__value')?.textContent,
    ]);
    expect(rows).toEqual([
      ['What you asked for', 'Help for myself'],
      ['Someone in danger now', 'No'],
      ['First name', 'Not given'],
      ['Turning in drugs or needles', 'No'],
    ]);
  });

  it('Enter in the first-name field moves on, as "Next" does', async () => {
    const user = await start();
    await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
    await user.click(await screen.findByRole('button', { name: /^Get help for myself/ }));
    await user.click(await screen.findByRole('button', { name: 'No' }));
    await user.type(await screen.findByLabelText('First name'), 'Ana{Enter}');
    await heading('Are you turning in drugs or needles today?');
  });

  it('Enter does not move on while the name has a problem', async () => {
    const user = await start();
    await user.click(screen.getByRole('button', { name: 'Touch here to start' }));
    await user.click(await screen.findByRole('button', { name: /^Get help for myself/ }));
    await user.click(await screen.findByRole('button', { name: 'No' }));
    await user.type(await screen.findByLabelText('First name'), 'Ana3{Enter}');
    expect(screen.getByRole('heading', { level: 1, name: 'What is your first name?' })).toBeTruthy();
  });

  it('"Start over" is hidden on the untouched welcome screen and shown once there is anything to start over', async () => {
    const user = await start();
    expect(screen.queryByRole('button', { name: 'Start over' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Larger text' }));
    expect(screen.getByRole('button', { name: 'Start over' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await heading('Need help with drugs or alcohol?');
    expect(screen.queryByRole('button', { name: 'Start over' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(screen.getByRole('button', { name: 'Volver a empezar' })).toBeTruthy();
  });
});
