/** Plays the desk's alert tone; `close` releases the audio device. */
export type TonePlayer = { play(): void; close(): void };

type AudioContextConstructor = new () => AudioContext;

function audioContextConstructor(): AudioContextConstructor | undefined {
  const scope = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** Two short notes, high then lower: distinct from system sounds, no audio file to ship or load under the CSP. */
const notes = [
  { frequency: 880, start: 0, length: 0.18 },
  { frequency: 660, start: 0.22, length: 0.18 },
];

function scheduleNote(context: AudioContext, note: (typeof notes)[number]): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  const at = context.currentTime + note.start;
  oscillator.type = 'sine';
  oscillator.frequency.value = note.frequency;
  // A short ramp in and out avoids the click of a sound starting at full volume.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + note.length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + note.length + 0.02);
}

/**
 * A tone made with the Web Audio API. Where there is no AudioContext (an old
 * engine, a test DOM) or the device refuses one, playing does nothing: the
 * visual alert still stands on its own.
 */
export function createTonePlayer(): TonePlayer {
  const Constructor = audioContextConstructor();
  let context: AudioContext | undefined;
  return {
    play() {
      if (!Constructor) return;
      try {
        context ??= new Constructor();
        // A browser without a user gesture starts the context suspended; Electron's desk window allows autoplay.
        if (context.state === 'suspended') void context.resume().catch(() => undefined);
        for (const note of notes) scheduleNote(context, note);
      } catch {
        // No audio device or autoplay refused: the banner and highlight still alert.
      }
    },
    close() {
      void context?.close().catch(() => undefined);
      context = undefined;
    },
  };
}
