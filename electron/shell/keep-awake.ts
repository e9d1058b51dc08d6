import { powerSaveBlocker } from 'electron';

/**
 * Keeps the kiosk's display from sleeping while the app runs: a dark screen in
 * a lobby reads as "out of order". The OS settings should agree (docs/security.md);
 * this holds even where they were missed.
 */
export function keepDisplayAwake(): void {
  powerSaveBlocker.start('prevent-display-sleep');
}
