import { describe, expect, it } from 'vitest';
import type { Input } from 'electron';
import { isBlockedShortcut } from '../../../electron/shell/blocked-shortcuts.js';
import { keyInput } from './fake-electron.js';

type Keys = Partial<Input> & Pick<Input, 'key'>;
const ctrl = (key: string, extra: Partial<Input> = {}): Keys => ({ key, control: true, ...extra });
const cmd = (key: string, extra: Partial<Input> = {}): Keys => ({ key, meta: true, ...extra });

const blocked: Array<[string, Keys]> = [
  ['Ctrl+R (reload)', ctrl('r', { code: 'KeyR' })],
  ['Cmd+R (reload)', cmd('r', { code: 'KeyR' })],
  ['F5 (reload)', { key: 'F5', code: 'F5' }],
  ['Ctrl+F5 (hard reload)', ctrl('F5', { code: 'F5' })],
  ['Ctrl+Shift+R (hard reload)', ctrl('R', { shift: true, code: 'KeyR' })],
  ['the keyboard refresh key', { key: 'BrowserRefresh' }],
  ['F12 (DevTools)', { key: 'F12', code: 'F12' }],
  ['Ctrl+Shift+I (DevTools)', ctrl('I', { shift: true, code: 'KeyI' })],
  ['Ctrl+Shift+J (console)', ctrl('J', { shift: true, code: 'KeyJ' })],
  ['Ctrl+Shift+C (inspect)', ctrl('C', { shift: true, code: 'KeyC' })],
  ['Cmd+Alt+I on a Mac (Option changes the key to a dead key)', cmd('Dead', { alt: true, code: 'KeyI' })],
  ['Cmd+Alt+J on a Mac', cmd('∆', { alt: true, code: 'KeyJ' })],
  ['Ctrl+= (zoom in)', ctrl('=', { code: 'Equal' })],
  ['Ctrl+Shift+= (zoom in)', ctrl('+', { shift: true, code: 'Equal' })],
  ['Ctrl+- (zoom out)', ctrl('-', { code: 'Minus' })],
  ['Ctrl+0 (reset zoom)', ctrl('0', { code: 'Digit0' })],
  ['Ctrl+numpad + (zoom in)', ctrl('+', { code: 'NumpadAdd' })],
  ['Ctrl+P (print)', ctrl('p', { code: 'KeyP' })],
  ['Cmd+P (print)', cmd('p', { code: 'KeyP' })],
  ['F11 (fullscreen)', { key: 'F11', code: 'F11' }],
  ['Cmd+Ctrl+F (Mac fullscreen)', { key: 'f', code: 'KeyF', meta: true, control: true }],
  ['Ctrl+W (close)', ctrl('w', { code: 'KeyW' })],
  ['Ctrl+Q (quit)', ctrl('q', { code: 'KeyQ' })],
  ['Ctrl+Shift+Q (quit)', ctrl('Q', { shift: true, code: 'KeyQ' })],
  ['Ctrl+Shift+W (close)', ctrl('W', { shift: true, code: 'KeyW' })],
  ['Ctrl+F4 (close)', ctrl('F4', { code: 'F4' })],
  ['Alt+F4 (close)', { key: 'F4', code: 'F4', alt: true }],
  ['Cmd+Q (quit)', cmd('q', { code: 'KeyQ' })],
  ['Cmd+W (close)', cmd('w', { code: 'KeyW' })],
  ['Cmd+H (hide)', cmd('h', { code: 'KeyH' })],
  ['Cmd+M (minimise)', cmd('m', { code: 'KeyM' })],
  ['Alt alone (menu bar)', { key: 'Alt', code: 'AltLeft', alt: true }],
  ['F10 (menu bar)', { key: 'F10', code: 'F10' }],
  ['Alt+Left (back)', { key: 'ArrowLeft', code: 'ArrowLeft', alt: true }],
  ['Alt+Right (forward)', { key: 'ArrowRight', code: 'ArrowRight', alt: true }],
  ['the keyboard back key', { key: 'BrowserBack' }],
  ['Ctrl+R on a Cyrillic layout', ctrl('к', { code: 'KeyR' })],
  ['a key-up of Ctrl+W as well as its key-down', ctrl('w', { code: 'KeyW', type: 'keyUp' })],
];

const allowed: Array<[string, Keys]> = [
  ['a letter', { key: 'a', code: 'KeyA' }],
  ['a capital letter', { key: 'A', code: 'KeyA', shift: true }],
  ['a digit', { key: '7', code: 'Digit7' }],
  ['an accented letter', { key: 'é', code: 'Digit2' }],
  ['an Arabic letter', { key: 'ش', code: 'KeyA' }],
  ['space', { key: ' ', code: 'Space' }],
  ['Enter', { key: 'Enter', code: 'Enter' }],
  ['Backspace', { key: 'Backspace', code: 'Backspace' }],
  ['Tab', { key: 'Tab', code: 'Tab' }],
  ['Escape', { key: 'Escape', code: 'Escape' }],
  ['arrow keys', { key: 'ArrowLeft', code: 'ArrowLeft' }],
  ['Shift alone', { key: 'Shift', code: 'ShiftLeft', shift: true }],
  ['Ctrl+A (select all)', ctrl('a', { code: 'KeyA' })],
  ['Ctrl+C (copy)', ctrl('c', { code: 'KeyC' })],
  ['Ctrl+V (paste)', ctrl('v', { code: 'KeyV' })],
  ['Ctrl+X (cut)', ctrl('x', { code: 'KeyX' })],
  ['Ctrl+Z (undo)', ctrl('z', { code: 'KeyZ' })],
  ['AltGr+Q typing @ on a German keyboard', { key: '@', code: 'KeyQ', control: true, alt: true }],
  ['AltGr+N typing ń on a Polish keyboard', { key: 'ń', code: 'KeyN', control: true, alt: true }],
  ['AltGr+E typing € on a German keyboard', { key: '€', code: 'KeyE', control: true, alt: true }],
];

describe('keyboard shortcuts on the kiosk', () => {
  it.each(blocked)('blocks %s', (_name, keys) => {
    expect(isBlockedShortcut(keyInput(keys))).toBe(true);
  });

  it.each(allowed)('lets %s through', (_name, keys) => {
    expect(isBlockedShortcut(keyInput(keys))).toBe(false);
  });

  it('opens DevTools by keyboard in development only', () => {
    const f12 = keyInput({ key: 'F12', code: 'F12' });
    const inspect = keyInput(ctrl('I', { shift: true, code: 'KeyI' }));
    expect(isBlockedShortcut(f12, { allowDevTools: true })).toBe(false);
    expect(isBlockedShortcut(inspect, { allowDevTools: true })).toBe(false);
    expect(isBlockedShortcut(f12, { allowDevTools: false })).toBe(true);
    expect(isBlockedShortcut(f12)).toBe(true);
  });

  it('keeps reload, print and quit blocked even in development', () => {
    for (const keys of [ctrl('r'), ctrl('p'), ctrl('q')]) {
      expect(isBlockedShortcut(keyInput(keys), { allowDevTools: true })).toBe(true);
    }
  });
});
