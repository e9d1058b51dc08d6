import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleGuard } from '../../../../renderer/src/kiosk/controls/idle';
import { ReadAloudButton } from '../../../../renderer/src/kiosk/controls/read-aloud';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './support/fake-speech';
import { renderWithI18n } from './support/render-with-i18n';

let engine: FakeSpeechSynthesis;
beforeEach(() => {
  vi.useFakeTimers();
  engine = new FakeSpeechSynthesis();
  engine.voices = [voice('en-US')];
  vi.stubGlobal('speechSynthesis', engine);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const seconds = (n: number) => act(() => vi.advanceTimersByTime(n * 1000));

function LongScreen() {
  const main = useRef<HTMLElement>(null);
  return (
    <main ref={main}>
      <ReadAloudButton targetRef={main} language="en" />
      {Array.from({ length: 6 }, (_, i) => (
        <p key={i}>{`Part ${i + 1} of a long answer.`}</p>
      ))}
    </main>
  );
}

describe('reading aloud and the idle timer', () => {
  it('a person listening to a long screen is not asked "Are you still there?" while it is being read', async () => {
    await renderWithI18n(
      <IdleGuard warnAfterSeconds={60} countdownSeconds={20} onReset={vi.fn()}>
        <LongScreen />
      </IdleGuard>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    for (let line = 0; line < 5; line += 1) {
      await seconds(40);
      act(() => engine.speakNext());
    }
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('once the reading has ended, the usual wait applies again', async () => {
    await renderWithI18n(
      <IdleGuard warnAfterSeconds={60} countdownSeconds={20} onReset={vi.fn()}>
        <LongScreen />
      </IdleGuard>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    act(() => engine.finishAll());
    await seconds(60);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });
});
