/**
 * Plays the desk's alert tone; `close` releases the audio device. `unlock`
 * resumes audio the browser blocked, and must run inside a user's tap.
 */
export type TonePlayer = { play(): void; close(): void; unlock(): void };

/** Told whether the browser is blocking the tone (Chromium suspends audio until someone touches the page). */
export type BlockedListener = (blocked: boolean) => void;

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
 * visual alert still stands on its own. Where the browser keeps the context
 * suspended (no tap on the page yet), `onBlocked(true)` says so, and
 * `onBlocked(false)` once it runs.
 */
export function createTonePlayer(onBlocked: BlockedListener = () => undefined): TonePlayer {
  const Constructor = audioContextConstructor();
  let context: AudioContext | undefined;
  const open = (Make: AudioContextConstructor): AudioContext => {
    const created = new Make();
    created.onstatechange = () => onBlocked(created.state === 'suspended');
    return created;
  };
  const player: TonePlayer = {
    play() {
      if (!Constructor) return;
      try {
        context ??= open(Constructor);
        // Electron's desk window allows autoplay; a browser without a tap on the page keeps the context suspended.
        if (context.state === 'suspended') {
          onBlocked(true);
          void context.resume().catch(() => undefined);
        }
        for (const note of notes) scheduleNote(context, note);
      } catch {
        // No audio device or autoplay refused: the banner and highlight still alert.
      }
    },
    unlock() {
      if (!Constructor) return;
      try {
        context ??= open(Constructor);
        const running = context;
        // Called from the officer's tap: the browser lets the context run now, and the tone plays at once.
        void running.resume().then(
          () => {
            onBlocked(running.state === 'suspended');
            if (running.state === 'running') for (const note of notes) scheduleNote(running, note);
          },
          () => onBlocked(true),
        );
      } catch {
        onBlocked(true);
      }
    },
    close() {
      void context?.close().catch(() => undefined);
      context = undefined;
    },
  };
  return player;
}
