/**
 * The printable-text rule, in one place for every boundary: the kiosk's
 * input, the desk receiver, and anything else that stores or shows text
 * from another machine. No zod here: the renderer imports it.
 *
 * Refused: control characters (C0, DEL, C1), format characters (bidi
 * embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069, marks
 * U+200E/U+200F, zero-width U+200B–U+200D, the BOM U+FEFF, soft hyphen),
 * line and paragraph separators, lone surrogates, private-use characters,
 * and every other default-ignorable (invisible) code point. Such characters
 * can reorder what an officer reads, hide text, or break a log line.
 */
export const unprintablePattern = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** True when every character of `text` can be shown as it is. */
export function isPrintableText(text: string): boolean {
  return !unprintablePattern.test(text);
}

/** The sentence a refusal carries, naming no character (it may be invisible). */
export const unprintableMessage = 'use visible characters only (no control, bidi or zero-width characters)';
