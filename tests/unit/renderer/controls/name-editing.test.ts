import { describe, expect, it } from 'vitest';
import { acceptsName, applyTone, deleteLast, insertText } from '../../../../renderer/src/kiosk/controls/keyboard/name-editing';
import { requestInputSchema } from '../../../../shared/request';

const sac = '\u0301';
const huyen = '\u0300';
const nga = '\u0303';
const nang = '\u0323';

/** Whether the request model itself takes this first name. */
const requestAccepts = (firstName: string) =>
  requestInputSchema.safeParse({ kind: 'help-self', firstName, turningIn: false, dangerNow: false, language: 'en' }).success;

describe("the keyboard's name rule agrees with the request model", () => {
  const samples = [
    'María',
    "O'Brien",
    'Jean-Luc',
    'Nguyễn Văn',
    'فاطمة',
    'Anna ',
    'A',
    'x'.repeat(30),
    'x'.repeat(31),
    'R2D2',
    'Ann@',
    'Ann.',
    'Ann_',
    'Ana\u2019s',
  ];
  it.each(samples)('%j', (name) => {
    // Wherever the keyboard accepts a name, so does the request; the reverse holds for these samples too.
    expect(acceptsName(name, 30)).toBe(requestAccepts(name));
  });

  it('is stricter only in refusing a name that starts with a separator or a mark', () => {
    for (const name of ['-Ana', "'Ana", '\u0301Ana']) expect(acceptsName(name, 30)).toBe(false);
  });
});

describe('typing', () => {
  it('composes what is typed to NFC', () => {
    expect(insertText('Jose', '\u0301', 30)).toBe('Jos\u00E9');
  });

  it('refuses a character that would make the name longer than the limit', () => {
    expect(insertText('Ann', 'a', 3)).toBeNull();
    expect(insertText('An', 'a', 3)).toBe('Ana');
  });

  it("never goes past the request model's own limit, whatever the screen passes", () => {
    expect(insertText('x'.repeat(30), 'y', 99)).toBeNull();
  });

  it('refuses digits, symbols and a separator at the start', () => {
    for (const text of ['1', '@', '.', '_']) expect(insertText('Ana', text, 30)).toBeNull();
    for (const text of [' ', '-', "'"]) expect(insertText('', text, 30)).toBeNull();
  });
});

describe('backspace', () => {
  it('removes a letter with its accent in one press, composed or not', () => {
    expect(deleteLast('Jos\u00E9')).toBe('Jos');
    expect(deleteLast('Jose\u0301')).toBe('Jos');
  });

  it('removes a Vietnamese vowel with its shape and its tone together', () => {
    expect(deleteLast('Nguy\u1EC5')).toBe('Nguy');
  });

  it('does nothing to an empty name', () => {
    expect(deleteLast('')).toBe('');
  });
});

describe('Vietnamese tone marks', () => {
  it.each([
    ['right after a vowel, on that vowel', 'Ha', '\u0309', 'Hả'],
    ['right after a vowel, even in a cluster (the person chooses hòa or hoà)', 'Ho', huyen, 'Hò'],
    ['after a final consonant, on the shaped vowel', 'Nguyên', nga, 'Nguyễn'],
    ['on the later shaped vowel of ươ', 'Trương', huyen, 'Trường'],
    ['on ư in Đức', 'Đưc', sac, 'Đức'],
    ['on the last vowel when none is shaped', 'Hoang', huyen, 'Hoàng'],
    ['not on the u of qu', 'Quôc', sac, 'Quốc'],
    ['not on the i of gi', 'Giang', huyen, 'Giàng'],
    ['on â in Thuận', 'Thuân', nang, 'Thuận'],
    ['in place of the tone already there', 'Nguyễn', sac, 'Nguyến'],
  ])('%s', (_name, value, mark, expected) => {
    expect(applyTone(value, mark, 30)).toBe(expected.normalize('NFC'));
  });

  it('is not possible where nothing can take a tone', () => {
    expect(applyTone('', sac, 30)).toBeNull();
    expect(applyTone('Ana ', sac, 30)).toBeNull();
    expect(applyTone('Tr', sac, 30)).toBeNull();
    expect(applyTone('فاطمة', sac, 30)).toBeNull();
  });
});
