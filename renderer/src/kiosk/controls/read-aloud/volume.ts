/**
 * The three loudness steps and the speech engine's volume (0 to 1) for each. Quiet is still heard by someone
 * standing at the screen in a busy lobby; loud is the most the engine gives.
 */
export const volumeLevels = { quiet: 0.4, medium: 0.7, loud: 1 } as const;
export type VolumeLevel = keyof typeof volumeLevels;

/** Where every person starts: heard at arm's length without filling the lobby. */
export const startingVolume: VolumeLevel = 'medium';

const order = Object.keys(volumeLevels) as VolumeLevel[];

/** The level one tap of the volume button moves to: each step louder, then back to quiet after loud. */
export function nextVolume(level: VolumeLevel): VolumeLevel {
  return order[(order.indexOf(level) + 1) % order.length] ?? startingVolume;
}

/** How far up the scale `level` is, from 1 (quiet) to 3 (loud): the bars the button fills. */
export function volumeStep(level: VolumeLevel): number {
  return order.indexOf(level) + 1;
}

/** The number of steps: the bars the button draws. */
export const volumeSteps = order.length;
