import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadAloudButton } from '../../../../renderer/src/kiosk/controls/read-aloud';
import { FakeSpeechSynthesis, FakeUtterance, voice } from './support/fake-speech';
import { renderWithI18n } from './support/render-with-i18n';

let engine: FakeSpeechSynthesis;
beforeEach(() => {
  engine = new FakeSpeechSynthesis();
  engine.voices = [voice('en-US'), voice('es-MX'), voice('ar_SA')];
  vi.stubGlobal('speechSynthesis', engine);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A screen with a heading, a paragraph and a part marked to be skipped. */
function Screen({ language, text = 'Help is free.' }: { language: string; text?: string }) {
  const main = useRef<HTMLElement>(null);
  return (
    <main ref={main}>
      <ReadAloudButton targetRef={main} language={language} />
      <h1>Need help?</h1>
      <p>{text}</p>
      <nav data-no-read-aloud="">
        <button type="button">English</button>
      </nav>
    </main>
  );
}

const spokenText = () => engine.spoken.map((u) => u.text);

describe('ReadAloudButton', () => {
  it('is not there where the browser cannot speak', async () => {
    vi.stubGlobal('speechSynthesis', undefined);
    Reflect.deleteProperty(window, 'speechSynthesis');
    await renderWithI18n(<Screen language="en" />);
    expect(screen.queryByRole('button', { name: 'Read aloud' })).toBeNull();
  });

  it('is not there when no voice speaks the language, and appears when one loads', async () => {
    engine.voices = [];
    await renderWithI18n(<Screen language="vi" />, 'vi');
    expect(screen.queryByRole('button', { name: 'Đọc to' })).toBeNull();
    act(() => engine.loadVoices([voice('vi-VN')]));
    expect(screen.getByRole('button', { name: 'Đọc to' })).toBeTruthy();
  });

  it('reads the screen in its language with a matching voice, skipping marked parts and itself', async () => {
    await renderWithI18n(<Screen language="es" text="La ayuda es gratis." />, 'es');
    fireEvent.click(screen.getByRole('button', { name: 'Leer\u00a0en voz\u00a0alta' }));
    expect(spokenText()).toEqual(['Need help?', 'La ayuda es gratis.']);
    expect(engine.spoken.every((u) => u.lang === 'es-MX' && u.voice?.lang === 'es-MX')).toBe(true);
  });

  it('matches a voice written with an underscore (ar_SA) to Arabic', async () => {
    await renderWithI18n(<Screen language="ar" />, 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'اقرأ بصوت عالٍ' }));
    expect(engine.spoken[0]?.lang).toBe('ar_SA');
  });

  it('speaks at medium volume until the person changes it', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(engine.spoken.map((u) => u.volume)).toEqual([0.7, 0.7]);
  });

  it('speaks at the volume chosen', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Medium' }));
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    expect(engine.spoken.map((u) => u.volume)).toEqual([1, 1]);
  });

  it('starts again at the new volume when the volume changes while reading', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const cancelsBefore = engine.cancelCount;
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Medium' }));
    expect(engine.cancelCount).toBe(cancelsBefore + 1);
    expect(engine.spoken.slice(-2).map((u) => [u.text, u.volume])).toEqual([
      ['Need help?', 1],
      ['Help is free.', 1],
    ]);
    expect(screen.getByRole('button', { name: 'Stop reading' })).toBeTruthy();
  });

  it('a volume change while not reading says nothing', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Volume: Medium' }));
    expect(engine.spoken).toEqual([]);
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
  });

  it('the same button stops the reading', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const cancelsBefore = engine.cancelCount;
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading' }));
    expect(engine.cancelCount).toBe(cancelsBefore + 1);
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
  });

  it('goes back to "Read aloud" when the reading ends by itself', async () => {
    await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    act(() => engine.finishAll());
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
  });

  it('stops when it is removed from the screen', async () => {
    const view = await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const cancelsBefore = engine.cancelCount;
    view.unmount();
    expect(engine.cancelCount).toBe(cancelsBefore + 1);
  });

  it('stops when the language changes', async () => {
    const view = await renderWithI18n(<Screen language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const cancelsBefore = engine.cancelCount;
    view.rerender(<Screen language="es" />);
    expect(engine.cancelCount).toBe(cancelsBefore + 1);
  });

  it("stops when the screen's text changes", async () => {
    function Changing() {
      const [text, setText] = useState('First screen.');
      return (
        <>
          <Screen language="en" text={text} />
          <button type="button" onClick={() => setText('Second screen.')}>
            Next
          </button>
        </>
      );
    }
    await renderWithI18n(<Changing />);
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    const cancelsBefore = engine.cancelCount;
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('button', { name: 'Read aloud' })).toBeTruthy();
    expect(engine.cancelCount).toBe(cancelsBefore + 1);
  });
});
