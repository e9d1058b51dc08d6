import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadAloudButton } from '../../../../renderer/src/kiosk/controls/read-aloud';
import { nextVolume, startingVolume, volumeLevels } from '../../../../renderer/src/kiosk/controls/read-aloud/volume';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './support/fake-speech';
import { renderWithI18n } from './support/render-with-i18n';

let engine: FakeSpeechSynthesis;
beforeEach(() => {
  engine = new FakeSpeechSynthesis();
  engine.voices = [voice('en-US'), voice('es-MX'), voice('ar-SA'), voice('vi-VN')];
  vi.stubGlobal('speechSynthesis', engine);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Screen({ language }: { language: string }) {
  const main = useRef<HTMLElement>(null);
  return (
    <main ref={main}>
      <ReadAloudButton targetRef={main} language={language} />
      <p>Help is free.</p>
    </main>
  );
}

const volumeButton = () => document.querySelector<HTMLButtonElement>('.read-aloud__volume');
/** How many of the button's bars are filled: the level a person who cannot read the word sees. */
const filledBars = () => [...(volumeButton()?.querySelectorAll('rect') ?? [])].filter((bar) => bar.getAttribute('fill') !== 'none').length;

describe('the volume button', () => {
  it('steps quiet, medium, loud and back to quiet, starting at medium', () => {
    expect(startingVolume).toBe('medium');
    expect(nextVolume('medium')).toBe('loud');
    expect(nextVolume('loud')).toBe('quiet');
    expect(nextVolume('quiet')).toBe('medium');
    expect(Object.values(volumeLevels)).toEqual([0.4, 0.7, 1]);
  });

  it('is one button whose name says its level, and each tap moves to the next level, its bars with it', async () => {
    await renderWithI18n(<Screen language="en" />);
    expect(document.querySelectorAll('.read-aloud button')).toHaveLength(2);
    const seen: Array<[string, number]> = [];
    for (let tap = 0; tap < 4; tap += 1) {
      const button = screen.getByRole('button', { name: /^Volume: / });
      seen.push([button.textContent ?? '', filledBars()]);
      fireEvent.click(button);
    }
    expect(seen).toEqual([
      ['Volume: Medium', 2],
      ['Volume: Loud', 3],
      ['Volume: Quiet', 1],
      ['Volume: Medium', 2],
    ]);
  });

  it('the reading is heard at each level the person steps to', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Medium' }));
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Loud' }));
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Quiet' }));
    expect(engine.spoken.map((u) => u.volume)).toEqual([0.7, 1, 0.4, 0.7]);
  });

  it.each([
    ['es', 'Volumen: Medio', 'Volumen: Alto'],
    ['ar', 'الصوت: متوسط', 'الصوت: مرتفع'],
    // A no-break space keeps "âm lượng" (one word) on one line in the tool bar.
    ['vi', 'Âm\u00a0lượng: Vừa', 'Âm\u00a0lượng: To'],
  ])('says its level in %s', async (language, medium, loud) => {
    await renderWithI18n(<Screen language={language} />, language);
    fireEvent.click(screen.getByRole('button', { name: medium }));
    expect(screen.getByRole('button', { name: loud })).toBeTruthy();
  });

  it('keeps its level when the language changes', async () => {
    const view = await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Medium' }));
    view.rerender(<Screen language="es" />);
    expect(volumeButton()?.dataset.level).toBe('loud');
  });
});
