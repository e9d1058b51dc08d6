import { useCallback, useEffect, useRef, useState } from 'react';
import { speechEngine } from './use-voice';

/**
 * Speaks lines with one voice and says whether it is speaking. Each reading
 * has a number; events from an older, cancelled reading are ignored, so
 * restarting (a new volume) never flips the button back to "Read aloud".
 * Speech is cancelled when the component using it unmounts.
 */
export function useSpeech() {
  const [speaking, setSpeaking] = useState(false);
  const reading = useRef(0);
  const active = useRef(false);

  const stop = useCallback(() => {
    reading.current += 1;
    if (active.current) speechEngine()?.cancel();
    active.current = false;
    setSpeaking(false);
  }, []);

  /** `onLine` runs as each line starts: the reading counts as someone using the kiosk. */
  const speak = useCallback((lines: readonly string[], voice: SpeechSynthesisVoice, volume: number, onLine?: () => void) => {
    const engine = speechEngine();
    if (!engine || lines.length === 0) return;
    reading.current += 1;
    const id = reading.current;
    engine.cancel();
    const finish = () => {
      if (reading.current !== id) return;
      active.current = false;
      setSpeaking(false);
    };
    lines.forEach((line, index) => {
      const utterance = new SpeechSynthesisUtterance(line);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.volume = volume;
      utterance.onerror = finish;
      if (onLine) utterance.onstart = onLine;
      if (index === lines.length - 1) utterance.onend = finish;
      engine.speak(utterance);
    });
    active.current = true;
    setSpeaking(true);
  }, []);

  useEffect(() => stop, [stop]);
  return { speaking, speak, stop };
}
