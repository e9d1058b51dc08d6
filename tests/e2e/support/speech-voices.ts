/**
 * Voices for a test browser that has none. The kiosk shows "Read aloud" and its volume only once a voice speaks the
 * screen's language, and a test Chromium (no speech-dispatcher, no system voices) never has one: without this the
 * layout checks never see the tool bar a lobby kiosk with voices installed shows (docs/install.md).
 *
 * The stand-ins follow the Web Speech API's shapes: `speechSynthesis.getVoices()` returns SpeechSynthesisVoice
 * objects (voiceURI, name, lang, localService, default) and `voiceschanged` fires once they are there, as
 * Chromium's own late-loading voices do. They are used only while the browser's own list is empty: the moment it has
 * voices of its own, `getVoices()` returns those and speech goes to the real engine.
 *
 * With a stand-in voice nothing can be heard, so `speak()` keeps the utterance as the engine's queue would: the first
 * one fires `start`, none ends by itself (a reading longer than the test), and `cancel()` ends them with the
 * `interrupted` and `canceled` errors the API defines. What was asked for is in `window.standInSpeech`.
 */
import type { Page } from '@playwright/test';

/** One utterance as the page asked for it. */
export type SpokenLine = { text: string; lang: string; volume: number; voiceURI: string | null };

declare global {
  interface Window {
    standInSpeech?: { spoken: SpokenLine[] };
  }
}

/** A voice for each of the shipped kiosk's languages, as a kiosk installed per docs/install.md has. */
export const kioskVoiceTags: readonly string[] = ['en-US', 'es-US', 'ar-SA', 'vi-VN'];

/** Gives every page of `page`'s context stand-in voices for `languages` (BCP 47 tags such as "es-US"), if it has none. */
export async function giveVoicesWhereNone(page: Page, languages: readonly string[]): Promise<void> {
  await page.addInitScript(installStandInVoices, [...languages]);
}

/** Runs in the page before its own scripts (serialised by Playwright: no closures over this module). */
function installStandInVoices(languages: string[]): void {
  const engine = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!engine || typeof SpeechSynthesisVoice !== 'function') return;
  const ownVoices = engine.getVoices.bind(engine);
  const ownSpeak = engine.speak.bind(engine);
  const ownCancel = engine.cancel.bind(engine);
  const browserHasVoices = () => ownVoices().length > 0;

  const standIns = languages.map((lang, index) => {
    // A real SpeechSynthesisVoice cannot be constructed: an object of its prototype, with its five fields as its own.
    const voice = Object.create(SpeechSynthesisVoice.prototype) as SpeechSynthesisVoice;
    const fields = { voiceURI: `stand-in-${lang}`, name: `Stand-in ${lang}`, lang, localService: true, default: index === 0 };
    for (const [name, value] of Object.entries(fields)) Object.defineProperty(voice, name, { value, enumerable: true });
    return voice;
  });
  const isStandIn = (voice: unknown) => standIns.some((standIn) => standIn === voice);

  // The utterance's own `voice` accepts only the browser's voices; a stand-in is kept beside it instead.
  const voiceField = Object.getOwnPropertyDescriptor(SpeechSynthesisUtterance.prototype, 'voice');
  const chosen = new WeakMap<SpeechSynthesisUtterance, SpeechSynthesisVoice>();
  if (voiceField?.get && voiceField.set) {
    const { get, set } = voiceField;
    Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
      configurable: true,
      enumerable: voiceField.enumerable ?? true,
      get(this: SpeechSynthesisUtterance) {
        return chosen.get(this) ?? (get.call(this) as SpeechSynthesisVoice | null);
      },
      set(this: SpeechSynthesisUtterance, voice: SpeechSynthesisVoice | null) {
        if (isStandIn(voice) && voice) chosen.set(this, voice);
        else {
          chosen.delete(this);
          set.call(this, voice);
        }
      },
    });
  }

  const record = { spoken: [] as { text: string; lang: string; volume: number; voiceURI: string | null }[] };
  window.standInSpeech = record;
  let queue: SpeechSynthesisUtterance[] = [];

  const fire = (utterance: SpeechSynthesisUtterance, type: 'start' | 'error', error?: 'interrupted' | 'canceled') => {
    const event =
      type === 'error'
        ? new SpeechSynthesisErrorEvent('error', { utterance, error: error ?? 'interrupted' })
        : new SpeechSynthesisEvent('start', { utterance });
    utterance.dispatchEvent(event);
  };

  Object.defineProperties(engine, {
    getVoices: { configurable: true, value: () => (browserHasVoices() ? ownVoices() : standIns) },
    speak: {
      configurable: true,
      value: (utterance: SpeechSynthesisUtterance) => {
        if (!isStandIn(chosen.get(utterance))) {
          ownSpeak(utterance);
          return;
        }
        record.spoken.push({
          text: utterance.text,
          lang: utterance.lang,
          volume: utterance.volume,
          voiceURI: utterance.voice?.voiceURI ?? null,
        });
        queue.push(utterance);
        // As the engine does: the first utterance in the queue starts, later, in a task of its own.
        if (queue.length === 1) setTimeout(() => queue[0] === utterance && fire(utterance, 'start'), 0);
      },
    },
    cancel: {
      configurable: true,
      value: () => {
        const [speaking, ...waiting] = queue;
        queue = [];
        if (speaking) fire(speaking, 'error', 'interrupted');
        for (const utterance of waiting) fire(utterance, 'error', 'canceled');
        ownCancel();
      },
    },
  });

  // Chromium's own voices arrive after the page has started, announced by `voiceschanged`: so do these.
  const announce = () => {
    if (!browserHasVoices()) engine.dispatchEvent(new Event('voiceschanged'));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', announce, { once: true });
  else setTimeout(announce, 0);
}
