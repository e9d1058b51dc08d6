/**
 * Pure edits of the first name typed on the on-screen keyboard. Every result
 * is NFC and is one that shared/request.ts accepts, so the keyboard can never
 * produce a name the request would reject.
 */
import { firstNameMaxLength } from '../../../../../shared/request-rules';

/**
 * The rule of shared/request-rules.ts (letters of any script and combining
 * marks, then also spaces, apostrophes, hyphens), stricter on one point: a
 * name typed here starts with a letter, not a lone mark.
 * tests/unit/renderer/controls/name-editing.test.ts keeps the two in step.
 */
const namePattern = /^\p{L}[\p{L}\p{M}' \u2019-]*$/u;

/** Vietnamese tone marks; a vowel carries at most one. */
const toneMarks = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function acceptsName(name: string, maxLength: number): boolean {
  return name.length <= Math.min(maxLength, firstNameMaxLength) && (name === '' || namePattern.test(name));
}

/** The name with `text` added, or null when the result would not be a valid name. */
export function insertText(value: string, text: string, maxLength: number): string | null {
  const next = (value + text).normalize('NFC');
  return acceptsName(next, maxLength) ? next : null;
}

/** Removes the last character as a person sees it: "ễ" goes in one press, whether stored composed or not. */
export function deleteLast(value: string): string {
  const parts = [...graphemes.segment(value)];
  const last = parts.at(-1);
  return last ? value.slice(0, last.index).normalize('NFC') : '';
}

/** Breve, circumflex and horn: the vowel shapes of ă â ê ô ơ ư, which carry the tone in a closed syllable. */
const shapeMarks = new Set(['\u0306', '\u0302', '\u031B']);

const baseOf = (char: string) => char.normalize('NFD')[0]?.toLowerCase() ?? '';
const isVowel = (char: string) => vowels.has(baseOf(char));
const hasShape = (char: string) => [...char.normalize('NFD')].some((c) => shapeMarks.has(c));

/**
 * Which character takes a tone. Right after a vowel: that vowel, so the
 * person decides (hòa or hoà). After a final consonant (Đức, Nguyễn, Hoàng)
 * Vietnamese has one rule: the shaped vowel (the later one in ươ), or else
 * the cluster's last vowel, leaving out the u of qu and the i of gi.
 */
function toneTarget(chars: readonly string[]): number | null {
  let end = chars.length - 1;
  const last = chars[end];
  if (last === undefined) return null;
  if (isVowel(last)) return end;
  for (let finals = 0; end >= 0 && !isVowel(chars[end] ?? ''); finals += 1, end -= 1) {
    if (finals === 2 || !/\p{L}/u.test(chars[end] ?? '')) return null;
  }
  if (end < 0) return null;
  let start = end;
  while (start > 0 && isVowel(chars[start - 1] ?? '')) start -= 1;
  const before = baseOf(chars[start - 1] ?? '');
  const first = baseOf(chars[start] ?? '');
  if (start < end && ((before === 'q' && first === 'u') || (before === 'g' && first === 'i'))) start += 1;
  for (let i = end; i >= start; i -= 1) if (hasShape(chars[i] ?? '')) return i;
  return end;
}

/**
 * Puts the tone `mark` on the vowel that takes it (see toneTarget), replacing
 * any tone it had; null when nothing typed can take a tone.
 */
export function applyTone(value: string, mark: string, maxLength: number): string | null {
  const parts = [...graphemes.segment(value)];
  const index = toneTarget(parts.map((part) => part.segment));
  const target = index === null ? undefined : parts[index];
  if (!target) return null;
  const toned = [...target.segment.normalize('NFD')].filter((c) => !toneMarks.has(c)).join('') + mark;
  const rest = value.slice(target.index + target.segment.length);
  const next = (value.slice(0, target.index) + toned + rest).normalize('NFC');
  return acceptsName(next, maxLength) ? next : null;
}

/** Whether the next letter starts a word, where a name's letter is a capital by default. */
export function atWordStart(value: string): boolean {
  return value === '' || /[ -]$/.test(value);
}
