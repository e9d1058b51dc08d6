import { cleanup, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTonePlayer, type TonePlayer } from '../../../../renderer/src/desk/alert-tone';
import { useAlertSound } from '../../../../renderer/src/desk/use-alert-sound';
import { closeDesks, kioskRequest, renderDesk, sendRequest } from './desk-harness';

function countingPlayer() {
  const counts = { played: 0, created: 0, closed: 0 };
  const create = (): TonePlayer => {
    counts.created += 1;
    return { play: () => void (counts.played += 1), close: () => void (counts.closed += 1), unlock: () => undefined };
  };
  return { counts, create };
}

describe('the alert sound', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('plays at once and again every repeatSeconds while a request waits', () => {
    const { counts, create } = countingPlayer();
    renderHook(() => useAlertSound(true, 10, create));
    expect(counts.played).toBe(1);
    vi.advanceTimersByTime(9_999);
    expect(counts.played).toBe(1);
    vi.advanceTimersByTime(1);
    expect(counts.played).toBe(2);
    vi.advanceTimersByTime(20_000);
    expect(counts.played).toBe(4);
  });

  it('stops as soon as nothing waits, and releases the audio device', () => {
    const { counts, create } = countingPlayer();
    const { rerender } = renderHook(({ active }) => useAlertSound(active, 5, create), { initialProps: { active: true } });
    rerender({ active: false });
    vi.advanceTimersByTime(60_000);
    expect(counts.played).toBe(1);
    expect(counts.closed).toBe(1);
  });

  it('stays silent when nothing waits (or the desk config turned sound off)', () => {
    const { counts, create } = countingPlayer();
    renderHook(() => useAlertSound(false, 5, create));
    vi.advanceTimersByTime(60_000);
    expect(counts).toEqual({ played: 0, created: 0, closed: 0 });
  });

  it('does nothing, and does not throw, where there is no AudioContext', () => {
    vi.stubGlobal('AudioContext', undefined);
    const player = createTonePlayer();
    expect(() => player.play()).not.toThrow();
    expect(() => player.close()).not.toThrow();
  });

  it('makes its tone with Web Audio oscillators, resuming a context the browser suspended', () => {
    const started: number[] = [];
    let resumed = false;
    const param = { value: 0, setValueAtTime: () => param, exponentialRampToValueAtTime: () => param };
    class FakeAudioContext {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      resume() {
        resumed = true;
        return Promise.resolve();
      }
      close() {
        return Promise.resolve();
      }
      createGain() {
        return { gain: param, connect: (target: unknown) => target };
      }
      createOscillator() {
        return {
          type: '',
          frequency: { value: 0 },
          connect: (target: unknown) => target,
          start: (at: number) => started.push(at),
          stop: () => {},
        };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    createTonePlayer().play();
    expect(resumed).toBe(true);
    expect(started.length).toBeGreaterThan(0);
  });
});

/** An AudioContext as Chromium gives one before anyone touched the page: suspended, and resume() does nothing until a tap. */
function chromiumLikeAudio() {
  const page = { tapped: false, notes: 0 };
  const param = { value: 0, setValueAtTime: () => param, exponentialRampToValueAtTime: () => param };
  class BlockedAudioContext {
    state: AudioContextState = 'suspended';
    onstatechange: (() => void) | null = null;
    currentTime = 0;
    destination = {};
    resume() {
      if (page.tapped && this.state === 'suspended') {
        this.state = 'running';
        this.onstatechange?.();
      }
      return Promise.resolve();
    }
    close() {
      return Promise.resolve();
    }
    createGain() {
      return { gain: param, connect: (target: unknown) => target };
    }
    createOscillator() {
      page.notes += 1;
      return { type: '', frequency: { value: 0 }, connect: (target: unknown) => target, start: () => {}, stop: () => {} };
    }
  }
  return { page, BlockedAudioContext };
}

describe('when the browser blocks the alert sound', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    cleanup();
    return closeDesks();
  });

  it('the console shows "Turn on alert sound", and one tap turns it on and plays the tone', async () => {
    const { page, BlockedAudioContext } = chromiumLikeAudio();
    vi.stubGlobal('AudioContext', BlockedAudioContext);
    const desk = await renderDesk();
    expect(screen.queryByRole('button', { name: 'Turn on alert sound' })).toBeNull();
    await sendRequest(desk, kioskRequest());
    const button = await screen.findByRole('button', { name: 'Turn on alert sound' });
    expect(screen.getByText('The browser has blocked the alert sound.')).toBeTruthy();
    const before = page.notes;
    page.tapped = true;
    await userEvent.click(button);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Turn on alert sound' })).toBeNull());
    expect(page.notes).toBeGreaterThan(before);
  });

  it('where the browser lets the tone play (the Electron desk window), there is no button', async () => {
    const { page, BlockedAudioContext } = chromiumLikeAudio();
    page.tapped = true;
    class RunningAudioContext extends BlockedAudioContext {
      override state: AudioContextState = 'running';
    }
    vi.stubGlobal('AudioContext', RunningAudioContext);
    const desk = await renderDesk();
    await sendRequest(desk, kioskRequest());
    await screen.findByText('Needs an answer');
    await waitFor(() => expect(page.notes).toBeGreaterThan(0));
    expect(screen.queryByRole('button', { name: 'Turn on alert sound' })).toBeNull();
  });
});
