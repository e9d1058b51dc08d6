import type { Input } from 'electron';

/**
 * Keyboard shortcuts a member of the public must not be able to use on the
 * kiosk: reload, DevTools, zoom, print, fullscreen toggles, close/quit, the
 * menu key and history navigation. OS-level combinations (Alt+Tab,
 * Ctrl+Alt+Del, the Windows key) never reach the page; the OS layer handles
 * those (see docs on Ubuntu Frame / cage and Shell Launcher / Keyboard Filter).
 */
export type ShortcutOptions = {
  /** Development only: lets F12 and friends open DevTools. Never set in production. */
  allowDevTools?: boolean;
};

type Keys = { key: string; mod: boolean; control: boolean; meta: boolean; shift: boolean; alt: boolean; code: string };

/**
 * The key as a shortcut sees it: letters lower-case and layout-independent
 * where the layout changes them (Option on a Mac turns Cmd+Alt+I into "ˆ";
 * a Cyrillic layout turns Ctrl+R into "к"), named keys ("F5", "Alt") as they are.
 */
function normalisedKey(input: Input): string {
  const letterFromCode = /^Key([A-Z])$/.exec(input.code)?.[1]?.toLowerCase();
  if (input.key.length === 1 && /[a-z]/i.test(input.key)) return input.key.toLowerCase();
  if (letterFromCode && (input.alt || /\p{L}/u.test(input.key) || input.key === 'Dead')) return letterFromCode;
  return input.key.length === 1 ? input.key.toLowerCase() : input.key;
}

function keysOf(input: Input): Keys {
  // AltGr arrives as Control+Alt on Windows; it types characters (@, €, ł) and is never a shortcut.
  const altGr = input.control && input.alt && !input.meta;
  return {
    key: normalisedKey(input),
    mod: (input.control || input.meta) && !altGr,
    control: input.control,
    meta: input.meta,
    shift: input.shift,
    alt: input.alt,
    code: input.code,
  };
}

const isOneOf = (key: string, keys: readonly string[]) => keys.includes(key);

const devToolsRules: Array<(k: Keys) => boolean> = [
  (k) => k.key === 'F12',
  (k) => k.mod && k.shift && isOneOf(k.key, ['i', 'j', 'c']),
  (k) => k.meta && k.alt && isOneOf(k.key, ['i', 'j', 'c']),
];

const alwaysBlockedRules: Array<(k: Keys) => boolean> = [
  // reload
  (k) => k.key === 'F5' || k.key === 'BrowserRefresh',
  (k) => k.mod && k.key === 'r',
  // zoom (Ctrl+wheel does nothing unless the app handles 'zoom-changed'; pinch is limited separately)
  (k) => k.mod && isOneOf(k.key, ['=', '+', '-', '_', '0']),
  (k) => k.mod && isOneOf(k.code, ['NumpadAdd', 'NumpadSubtract', 'Numpad0']),
  // print
  (k) => k.mod && k.key === 'p',
  // fullscreen toggles
  (k) => k.key === 'F11',
  (k) => k.control && k.meta && k.key === 'f',
  // close, quit, hide, minimise
  (k) => k.mod && isOneOf(k.key, ['w', 'q', 'F4']),
  (k) => k.alt && k.key === 'F4',
  (k) => k.meta && isOneOf(k.key, ['h', 'm']),
  // the menu bar: Alt alone and F10 focus it on Windows and Linux
  (k) => k.key === 'Alt' || k.key === 'F10',
  // history navigation
  (k) => k.alt && isOneOf(k.key, ['ArrowLeft', 'ArrowRight']),
  (k) => isOneOf(k.key, ['BrowserBack', 'BrowserForward', 'BrowserHome']),
];

/**
 * True when a key event is a shortcut the kiosk swallows. Ordinary typing,
 * editing keys and Ctrl+A/C/V/X/Z pass through. Pure, so it is table-tested.
 */
export function isBlockedShortcut(input: Input, options: ShortcutOptions = {}): boolean {
  const keys = keysOf(input);
  if (alwaysBlockedRules.some((rule) => rule(keys))) return true;
  return !options.allowDevTools && devToolsRules.some((rule) => rule(keys));
}
