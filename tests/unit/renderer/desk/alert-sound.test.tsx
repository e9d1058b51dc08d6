import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTonePlayer, type TonePlayer } from '../../../../renderer/src/desk/alert-tone';
import { useAlertSound } from '../../../../renderer/src/desk/use-alert-sound';

function countingPlayer() {
  const counts = { played: 0, created: 0, closed: 0 };
  const create = (): TonePlayer => {
    counts.created += 1;
    return { play: () => void (counts.played += 1), close: () => void (counts.closed += 1) };
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
        return { type: '', frequency: { value: 0 }, connect: (target: unknown) => target, start: (at: number) => started.push(at), stop: () => {} };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    createTonePlayer().play();
    expect(resumed).toBe(true);
    expect(started.length).toBeGreaterThan(0);
  });
});
