import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleGuard } from '../../../../renderer/src/kiosk/controls/idle';
import { renderWithI18n } from './support/render-with-i18n';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));
const dialog = () => screen.queryByRole('alertdialog');

async function guard(options: { warnAfterSeconds?: number; countdownSeconds?: number } = {}) {
  const onReset = vi.fn();
  await renderWithI18n(
    <IdleGuard warnAfterSeconds={options.warnAfterSeconds ?? 60} countdownSeconds={options.countdownSeconds ?? 30} onReset={onReset}>
      <button type="button">Ask for help</button>
    </IdleGuard>,
  );
  return { onReset };
}

describe('IdleGuard', () => {
  it('warns only after the configured time without activity', async () => {
    await guard();
    await seconds(59);
    expect(dialog()).toBeNull();
    await seconds(1);
    expect(dialog()).not.toBeNull();
    expect(screen.getByRole('heading', { name: 'Are you still there?' })).toBeTruthy();
  });

  it('moves focus to the large "I\'m still here" button and makes the screen behind inert', async () => {
    await guard();
    await seconds(60);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: "I'm still here" }));
    expect(document.querySelector('.idle-guard__content')?.hasAttribute('inert')).toBe(true);
  });

  it('counts down visibly, once a second', async () => {
    await guard();
    await seconds(60);
    const shown = () => document.querySelector('.idle__seconds')?.textContent;
    expect(shown()).toBe('30');
    await seconds(1);
    expect(shown()).toBe('29');
    await seconds(10);
    expect(shown()).toBe('19');
  });

  it('tells a screen reader the time left only every ten seconds and at five', async () => {
    await guard();
    await seconds(60);
    const live = () => document.querySelector('[aria-live="polite"]')?.textContent;
    const heard = new Set<string | null | undefined>([live()]);
    for (let i = 0; i < 29; i += 1) {
      await seconds(1);
      heard.add(live());
    }
    expect([...heard]).toEqual(['Seconds left: 30', 'Seconds left: 20', 'Seconds left: 10', 'Seconds left: 5']);
  });

  it('"I\'m still here" cancels the countdown and the wait starts again', async () => {
    const { onReset } = await guard();
    await seconds(65);
    fireEvent.click(screen.getByRole('button', { name: "I'm still here" }));
    expect(dialog()).toBeNull();
    await seconds(59);
    expect(dialog()).toBeNull();
    expect(onReset).not.toHaveBeenCalled();
    await seconds(1);
    expect(dialog()).not.toBeNull();
  });

  it('Escape answers the dialog as "I\'m still here"', async () => {
    await guard();
    await seconds(60);
    fireEvent.keyDown(screen.getByRole('button', { name: "I'm still here" }), { key: 'Escape' });
    expect(dialog()).toBeNull();
  });

  it('calls onReset when the countdown reaches zero, once', async () => {
    const { onReset } = await guard();
    await seconds(60 + 29);
    expect(onReset).not.toHaveBeenCalled();
    await seconds(1);
    expect(onReset).toHaveBeenCalledOnce();
    expect(dialog()).toBeNull();
  });

  it.each([
    ['a tap', (target: Element) => fireEvent.pointerDown(target)],
    ['a touch', (target: Element) => fireEvent.touchStart(target)],
    ['a key', (target: Element) => fireEvent.keyDown(target, { key: 'Tab' })],
    ['the wheel', (target: Element) => fireEvent.wheel(target)],
  ])('%s inside restarts the wait', async (_name, act) => {
    await guard();
    await seconds(50);
    act(screen.getByRole('button', { name: 'Ask for help' }));
    await seconds(50);
    expect(dialog()).toBeNull();
    await seconds(10);
    expect(dialog()).not.toBeNull();
  });

  it('gives at least 20 seconds to answer, whatever it is told', async () => {
    const { onReset } = await guard({ countdownSeconds: 5 });
    await seconds(60);
    expect(document.querySelector('.idle__seconds')?.textContent).toBe('20');
    await seconds(19);
    expect(onReset).not.toHaveBeenCalled();
  });

  it('leaves no timer running after it is removed', async () => {
    const { onReset } = await guard();
    await seconds(70);
    cleanup();
    expect(vi.getTimerCount()).toBe(0);
    await seconds(60);
    expect(onReset).not.toHaveBeenCalled();
  });

  it('shows the countdown ring, but not to someone who asked for less motion', async () => {
    await guard();
    await seconds(60);
    expect(screen.queryByTestId('countdown-ring')).not.toBeNull();
    cleanup();
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    await guard();
    await seconds(60);
    expect(dialog()).not.toBeNull();
    expect(screen.queryByTestId('countdown-ring')).toBeNull();
  });
});
