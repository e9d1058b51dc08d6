import { useCallback, useEffect, useRef, useState } from 'react';
import { createTonePlayer, type BlockedListener, type TonePlayer } from './alert-tone';

export type AlertSound = {
  /** The browser is blocking the tone: the console offers a button that turns it on. */
  blocked: boolean;
  /** Turns the tone on; call it from the officer's tap. */
  unlock(): void;
};

/**
 * Plays the alert tone at once and then every `repeatSeconds` while `active`
 * (some request still needs an answer and the desk config allows sound);
 * stops the moment it is not. Says when the browser blocks it.
 */
export function useAlertSound(
  active: boolean,
  repeatSeconds: number,
  createPlayer: (onBlocked: BlockedListener) => TonePlayer = createTonePlayer,
): AlertSound {
  const [blocked, setBlocked] = useState(false);
  const player = useRef<TonePlayer | null>(null);
  useEffect(() => {
    if (!active) return;
    const current = createPlayer(setBlocked);
    player.current = current;
    current.play();
    const timer = setInterval(() => current.play(), Math.max(1, repeatSeconds) * 1000);
    return () => {
      clearInterval(timer);
      current.close();
      player.current = null;
      setBlocked(false);
    };
  }, [active, repeatSeconds, createPlayer]);
  const unlock = useCallback(() => player.current?.unlock(), []);
  return { blocked: active && blocked, unlock };
}
