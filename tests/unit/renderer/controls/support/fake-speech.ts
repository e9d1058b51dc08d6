/**
 * A small stand-in for the Web Speech API, which happy-dom does not have:
 * records what was spoken and lets a test finish or interrupt it.
 */
type Voice = Pick<SpeechSynthesisVoice, 'lang' | 'name' | 'voiceURI' | 'default' | 'localService'>;

export class FakeUtterance {
  voice: Voice | null = null;
  lang = '';
  volume = 1;
  onstart: ((event: Event) => void) | null = null;
  onend: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(public text: string) {}
}

export class FakeSpeechSynthesis extends EventTarget {
  voices: Voice[] = [];
  queue: FakeUtterance[] = [];
  spoken: FakeUtterance[] = [];
  cancelCount = 0;

  getVoices(): Voice[] {
    return this.voices;
  }

  speak(utterance: FakeUtterance): void {
    this.queue.push(utterance);
    this.spoken.push(utterance);
  }

  cancel(): void {
    this.cancelCount += 1;
    const dropped = this.queue.splice(0);
    for (const utterance of dropped) utterance.onerror?.(new Event('error'));
  }

  /** The engine starts saying the next queued line, and finishes it. */
  speakNext(): void {
    const utterance = this.queue.shift();
    utterance?.onstart?.(new Event('start'));
    utterance?.onend?.(new Event('end'));
  }

  /** The engine reaches the end of everything queued. */
  finishAll(): void {
    for (const utterance of this.queue.splice(0)) utterance.onend?.(new Event('end'));
  }

  /** Voices arrive late, as in Chromium. */
  loadVoices(voices: Voice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

export function voice(lang: string, name = `${lang} voice`): Voice {
  return { lang, name, voiceURI: name, default: false, localService: true };
}
