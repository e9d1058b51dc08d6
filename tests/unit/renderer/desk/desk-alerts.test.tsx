import { createServer, type Server } from 'node:net';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDesks, kioskRequest, renderDesk, sendHeartbeat, sendRequest } from './desk-harness';

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await closeDesks();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const liveRegion = (politeness: 'polite' | 'assertive') => document.querySelector(`[aria-live="${politeness}"]`);
const alertBanner = () => document.querySelector('[data-alert="requests"]');

describe("the desk console's alerts", () => {
  it('a new request raises a banner, in words, that stays until someone answers', async () => {
    const desk = await renderDesk();
    expect(alertBanner()).toBeNull();
    await sendRequest(desk, kioskRequest());
    await waitFor(() => expect(alertBanner()?.textContent).toContain('New kiosk request.'));
    expect(alertBanner()?.querySelector('[data-field="alert-count"]')?.textContent).toBe('1');
    await userEvent.click(screen.getByRole('button', { name: 'An officer is coming now' }));
    await waitFor(() => expect(alertBanner()).toBeNull());
  });

  it('the banner stays on the other views and offers the way back to the open requests', async () => {
    const desk = await renderDesk();
    await userEvent.click(screen.getByRole('button', { name: 'Reports' }));
    await sendRequest(desk, kioskRequest());
    await userEvent.click(await screen.findByRole('button', { name: 'Show open requests' }));
    expect(await screen.findByRole('article')).toBeTruthy();
  });

  it('announces a new request politely, and an emergency assertively', async () => {
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest({ kind: 'drop-off', location: 'Lobby kiosk 2' }));
    await waitFor(() => expect(liveRegion('polite')?.textContent).toBe('New kiosk request: Drop-off only (amnesty) — Lobby kiosk 2.'));
    expect(liveRegion('assertive')?.textContent).toBe('');
    await sendRequest(desk, kioskRequest({ kind: 'emergency', dangerNow: true }));
    await waitFor(() =>
      expect(liveRegion('assertive')?.textContent).toBe('Emergency kiosk request: Emergency: possible overdose — Lobby kiosk 1.'),
    );
    expect(alertBanner()?.textContent).toContain('Emergency request from a kiosk.');
  });

  it.each([
    [true, 'plays'],
    [false, 'stays silent'],
  ])('with "sound": %s in the desk config, a waiting request %s the tone', async (sound) => {
    let notes = 0;
    class CountingAudioContext {
      state = 'running';
      currentTime = 0;
      destination = {};
      close = () => Promise.resolve();
      createGain = () => ({ gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} }, connect: (to: unknown) => to });
      createOscillator = () => {
        notes += 1;
        return { frequency: {}, connect: (to: unknown) => to, start: () => {}, stop: () => {} };
      };
    }
    vi.stubGlobal('AudioContext', CountingAudioContext);
    const desk = await renderDesk({ device: (json) => ({ ...json, alerts: { repeatSeconds: 10, sound, osNotifications: false } }) });
    await sendRequest(desk, kioskRequest());
    await waitFor(() => expect(alertBanner()).toBeTruthy());
    // The tone starts in an effect after the banner is drawn: let React run the effects it has queued, then count.
    await act(async () => {});
    if (sound) await waitFor(() => expect(notes).toBeGreaterThan(0));
    else expect(notes).toBe(0);
  });

  it("says plainly when kiosks cannot reach this desk, with the receiver's reason", async () => {
    const blocker = createServer();
    servers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    await renderDesk({ device: (json) => ({ ...json, receiver: { ...(json.receiver as object), port } }) });
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/^Kiosks cannot reach this desk: .*\d/);
    expect(banner.textContent).toContain(String(port));
  });

  it('shows no receiver problem while the receiver listens', async () => {
    await renderDesk();
    expect(document.querySelector('[data-alert="receiver"]')).toBeNull();
  });
});

describe('the kiosk health panel', () => {
  it('shows each kiosk online with its last heartbeat, outbox depth and failed deliveries', async () => {
    const desk = await renderDesk();
    await sendHeartbeat(desk, { id: 'K1', location: 'Lobby kiosk 1', outboxDepth: 2, failedDeliveries: 1 });
    const row = (await screen.findByRole('rowheader', { name: 'Lobby kiosk 1 (K1)' })).closest('tr');
    if (!row) throw new Error('no kiosk row');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toContain('Online');
    expect(cells[1]).toMatch(/\d/);
    expect(cells.slice(2)).toEqual(['2', '1']);
  });

  it('a kiosk that goes silent shows offline, with an alert at the top', async () => {
    // The desk's one-second ticker runs on a fake setInterval: the test moves it, nobody waits for it.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const desk = await renderDesk({ device: (json) => ({ ...json, kiosks: { offlineAfterSeconds: 10 } }) });
    await sendHeartbeat(desk, { id: 'K1', location: 'Lobby kiosk 1' });
    await screen.findByRole('rowheader', { name: 'Lobby kiosk 1 (K1)' });
    await act(async () => vi.advanceTimersByTime(1000));
    expect(document.querySelector('[data-alert="kiosk-offline"]'), 'ten seconds of silence have not passed yet').toBeNull();
    desk.clock.now += 11_000;
    await act(async () => vi.advanceTimersByTime(1000));
    const alert = await waitFor(() => {
      const found = document.querySelector('[data-alert="kiosk-offline"]');
      if (!found) throw new Error('no offline alert after the ticker ran with the clock 11 s on');
      return found;
    });
    expect(alert.textContent).toContain('A kiosk has gone quiet: Lobby kiosk 1 (K1)');
    expect(document.querySelector('[data-kiosk-id="K1"] [data-field="kiosk-status"]')?.textContent).toContain('Offline');
  });
});
