import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app';
import { adminHoldMs } from '../../../renderer/src/admin/use-long-press';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createLogger, memorySink } from '../../../electron/core/logger';
import { inProcessApi } from '../support/in-process-api';
import { firstUseWindowMs } from '../../../electron/core/admin/first-use';
import { hashPin } from '../../../electron/core/admin/pin-hash';
import { tempConfig, testStorage } from '../support/temp-config';

const cheap = { N: 1024, r: 8, p: 1 };
const cores: Array<{ core: Core; remove: () => Promise<void> }> = [];
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  for (const { core, remove } of cores.splice(0)) {
    await core.close();
    await remove();
  }
});

/** A machine fresh out of the box (no admin PIN), on a clock the test may move. */
async function appWithCore(deviceFile?: string, clock = { now: Date.now() }, configuredPin?: string) {
  const config = await tempConfig(deviceFile, { adminPin: false });
  if (configuredPin) {
    const pinHash = await hashPin(configuredPin, cheap);
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, admin: { pinHash } }));
  }
  const core = await createCore({
    paths: config.paths,
    ...testStorage(config.dir, { now: () => clock.now }),
    logger: createLogger('t', memorySink()),
    watchIntervalMs: false,
    pinCost: cheap,
  });
  cores.push({ core, remove: config.remove });
  render(<App api={inProcessApi(core)} />);
  return { core };
}

// The admin area is a chunk of its own, loaded when the door opens: on two busy cores that takes more than
// testing-library's 1 s, and a whole visit with a real core more than vitest's 5 s.
const adminChunkMs = 5000;

/** Holds a pointer down on `element` for `ms` on a fake clock, then lifts it. */
function hold(element: Element, ms: number) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fireEvent.pointerDown(element);
  act(() => vi.advanceTimersByTime(ms));
  fireEvent.pointerUp(element);
  vi.useRealTimers();
}

async function typePin(pin: string) {
  const pad = await screen.findByRole('group', { name: 'PIN keypad' });
  for (const digit of pin) await userEvent.click(within(pad).getByRole('button', { name: digit }));
  await userEvent.click(within(pad).getByRole('button', { name: 'OK' }));
}

/** The agency's name on the kiosk's masthead, once the page listens for a hold on it. */
async function agencyName() {
  const agency = await screen.findByText("Lee's Summit Police Department", {}, { timeout: 5000 });
  // The masthead can be in the page before React has run the effect that listens for the hold (on busy cores the
  // test got here first, and the hold went unheard): let React run the effects it has queued.
  await act(async () => {});
  return agency;
}

async function openKioskAdmin() {
  hold(await agencyName(), adminHoldMs);
  return screen.findByRole('heading', { level: 1, name: 'Admin PIN' }, { timeout: adminChunkMs });
}

describe('the admin screen', { timeout: 20_000 }, () => {
  it('on the kiosk opens only after holding the agency name for 5 seconds', async () => {
    await appWithCore();
    const agency = await agencyName();
    hold(agency, adminHoldMs - 1);
    expect(screen.queryByRole('heading', { name: 'Admin PIN' })).toBeNull();
    hold(agency, adminHoldMs);
    expect(await screen.findByRole('heading', { level: 1, name: 'Admin PIN' }, { timeout: adminChunkMs })).toBeTruthy();
  });

  it('asks for a new PIN twice on first use, then shows this machine and its channels', async () => {
    await appWithCore();
    await openKioskAdmin();
    expect(await screen.findByText('No PIN is set yet. Pick a PIN of 8 to 12 digits.')).toBeTruthy();
    // Seven digits: OK stays unavailable, and the prompt above says how many are needed.
    const pad = screen.getByRole('group', { name: 'PIN keypad' });
    for (const digit of '4829137') await userEvent.click(within(pad).getByRole('button', { name: digit }));
    expect(within(pad).getByRole('button', { name: 'OK' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(within(pad).getByRole('button', { name: 'OK' }));
    expect(screen.queryByText('Type the same PIN again.')).toBeNull();
    for (let i = 0; i < 7; i += 1) await userEvent.click(within(pad).getByRole('button', { name: 'Delete' }));
    await typePin('48291375');
    expect(await screen.findByText('Type the same PIN again.')).toBeTruthy();
    await typePin('48291375');
    expect(await screen.findByRole('heading', { level: 1, name: 'Admin screen' })).toBeTruthy();
    const about = await screen.findByRole('region', { name: 'This machine' });
    expect(within(about).getByText('K1')).toBeTruthy();
    expect(within(about).getByText('Kiosk')).toBeTruthy();
    // The shipped kiosk pages nobody until a desk is paired: the channels section says so, in words.
    const channels = screen.getByRole('region', { name: 'Channels' });
    expect(within(channels).getByText(/No desk is paired and no channel is set up/)).toBeTruthy();
    expect(screen.getByText('No problems found.')).toBeTruthy();
  });

  it('a kiosk without a PIN tells the public it is not set up and offers no way in, until the PIN is chosen', async () => {
    await appWithCore();
    expect(await screen.findByRole('heading', { level: 1, name: 'This kiosk is not set up yet' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Please ask at the front desk. Someone there can help you.')).toBeTruthy();
    expect(screen.getByText('If someone is in danger, call 911 now.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Touch here to start' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Alert the front desk now' })).toBeNull();

    await openKioskAdmin();
    await typePin('48291375');
    await typePin('48291375');
    await userEvent.click(await screen.findByRole('button', { name: 'Close the admin screen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Touch here to start' })).toBeTruthy();
  });

  it('an hour after the first start, a kiosk without a PIN offers no PIN pad and says how to set the PIN', async () => {
    const clock = { now: Date.now() };
    await appWithCore(undefined, clock);
    await screen.findByRole('heading', { level: 1, name: 'This kiosk is not set up yet' }, { timeout: 5000 });
    clock.now += firstUseWindowMs;
    await openKioskAdmin();
    expect(await screen.findByText('A PIN can be picked on this screen only in the first hour after the first start.')).toBeTruthy();
    expect(screen.getByText(/run npm run pin-hash and put what it prints in admin\.pinHash/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'PIN keypad' })).toBeNull();
  });

  it('opened with a PIN set before 8 digits were required, says the PIN is short and how to set a longer one', async () => {
    await appWithCore(undefined, undefined, '4829');
    await openKioskAdmin();
    expect(await screen.findByText('Type the admin PIN.')).toBeTruthy();
    await typePin('4829');
    expect(await screen.findByRole('heading', { level: 1, name: 'Admin screen' })).toBeTruthy();
    const notice = screen.getByTestId('short-pin');
    expect(notice.textContent).toContain('This PIN is short. It has fewer than 8 digits, so it is easy to guess.');
    expect(notice.textContent).toContain('Make a new PIN of 8 to 12 digits: run npm run pin-hash and put what it prints in admin.pinHash');
  });

  it('opened with a PIN of 8 digits, says nothing about its length', async () => {
    await appWithCore(undefined, undefined, '48291375');
    await openKioskAdmin();
    await typePin('48291375');
    expect(await screen.findByRole('region', { name: 'This machine' })).toBeTruthy();
    expect(screen.queryByTestId('short-pin')).toBeNull();
  });

  it('says plainly when the PIN is wrong, and stays closed', async () => {
    const { core } = await appWithCore();
    await core.handlers['admin.session.createPin']({ pin: '48291375' });
    await core.handlers['admin.session.end']({});
    await openKioskAdmin();
    await typePin('1111');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'That PIN is not right.');
    expect(screen.queryByRole('heading', { name: 'Admin screen' })).toBeNull();
  });

  it('turns the kiosk out of service and back; closing brings back a fresh public screen', async () => {
    await appWithCore();
    await openKioskAdmin();
    await typePin('48291375');
    await typePin('48291375');
    await userEvent.click(await screen.findByRole('button', { name: 'Take the kiosk out of service' }));
    expect(await screen.findByText('The kiosk is out of service. People see: please go to the window.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Close the admin screen' }));
    const outOfService = document.querySelector('[data-screen="out-of-service"]');
    expect(outOfService).not.toBeNull();

    // The out-of-service screen's title is a door too, so the administrator can turn the kiosk back on.
    hold(outOfService!.querySelector('h1')!, adminHoldMs);
    await typePin('48291375');
    await userEvent.click(await screen.findByRole('button', { name: 'Put the kiosk back in service' }));
    await userEvent.click(screen.getByRole('button', { name: 'Close the admin screen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
  });

  it('on the desk opens from a button, with the console kept underneath', async () => {
    await appWithCore('config/desk.json');
    await userEvent.click(await screen.findByRole('button', { name: 'Admin' }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Admin PIN' }, { timeout: adminChunkMs })).toBeTruthy();
    await typePin('48291375');
    await typePin('48291375');
    expect(await screen.findByRole('region', { name: 'Receiver' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Out of service' })).toBeNull();
    expect(document.querySelector('[data-screen="desk-home"]')).not.toBeNull();
  });
});
