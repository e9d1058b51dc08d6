/**
 * The shape of one on-screen keyboard layout. Layouts are plain data, one file
 * per script, so a new language is a new file (or a language code added to an
 * existing one) plus its translated name in controls.json.
 */

/** A key that puts a tone mark on the last vowel typed (Vietnamese). */
export type ToneKey = {
  /** The combining mark added, e.g. U+0301 for the rising tone. */
  mark: string;
  /** What the key shows: the mark on a vowel, e.g. "á". */
  sample: string;
  /** Translation key in the 'controls' namespace for the key's accessible name. */
  nameKey: string;
};

export type KeyboardLayout = {
  /** Stable id; its translated name is controls:keyboard.layout.<id>. */
  id: string;
  /** Languages whose readers most likely write their name in this layout: it opens first for them. */
  primaryFor: readonly string[];
  /** Language of the key labels, so a screen reader voices them right when the page is in another script. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** A few letters shown on the button that switches to this layout. */
  sample: string;
  /** Whether the script has capital letters (shows the Shift key). */
  hasCase: boolean;
  /** Letter keys, lowercase, in reading order of the script. */
  rows: readonly (readonly string[])[];
  /** Tone keys, shown in their own row. */
  tones?: readonly ToneKey[];
};
