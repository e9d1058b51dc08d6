import { useEffect } from 'react';
import { createTonePlayer, type TonePlayer } from './alert-tone';

/**
 * Plays the alert tone at once and then every `repeatSeconds` while `active`
 * (some request still needs an answer and the desk config allows sound);
 * stops the moment it is not.
 */
export function useAlertSound(active: boolean, repeatSeconds: number, createPlayer: () => TonePlayer = createTonePlayer): void {
  useEffect(() => {
    if (!active) return;
    const player = createPlayer();
    player.play();
    const timer = setInterval(() => player.play(), Math.max(1, repeatSeconds) * 1000);
    return () => {
      clearInterval(timer);
      player.close();
    };
  }, [active, repeatSeconds, createPlayer]);
}
