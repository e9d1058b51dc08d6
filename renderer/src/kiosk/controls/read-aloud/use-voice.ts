import { useCallback, useSyncExternalStore } from 'react';

/** The browser's speech engine, or null where there is none (happy-dom, some kiosk builds). */
export function speechEngine(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function'
    ? window.speechSynthesis
    : null;
}

/** Whether a voice speaks `language`: "es" matches "es-US", "es_MX" and "es". */
function speaks(voice: SpeechSynthesisVoice, language: string): boolean {
  const wanted = (language.split('-')[0] ?? language).toLowerCase();
  const lang = voice.lang.toLowerCase().replace('_', '-');
  return lang === wanted || lang.startsWith(`${wanted}-`);
}

/**
 * The best voice for `language`: the system default if it fits, then one on
 * this machine (a kiosk may be offline), then any.
 */
export function findVoice(language: string): SpeechSynthesisVoice | null {
  const matching = (speechEngine()?.getVoices() ?? []).filter((voice) => speaks(voice, language));
  return matching.find((v) => v.default) ?? matching.find((v) => v.localService) ?? matching[0] ?? null;
}

function subscribe(onChange: () => void): () => void {
  const engine = speechEngine();
  // Voices arrive late in Chromium: the first getVoices() is often empty until voiceschanged.
  engine?.addEventListener('voiceschanged', onChange);
  return () => engine?.removeEventListener('voiceschanged', onChange);
}

/** The id (voiceURI) of the voice for `language`, or null; follows voices as they load. */
export function useVoiceFor(language: string): string | null {
  const snapshot = useCallback(() => findVoice(language)?.voiceURI ?? null, [language]);
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
