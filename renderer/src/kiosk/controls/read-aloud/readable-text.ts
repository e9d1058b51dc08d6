/** Marks a part of the screen that read-aloud skips (its own buttons, decoration, repeated controls). */
export const skipAttribute = 'data-no-read-aloud';

/**
 * The text a person sees on the screen, in reading order, without the parts
 * marked data-no-read-aloud. innerText is used wherever possible because it
 * follows what is displayed (hidden elements, line breaks); only branches that
 * hold a skipped part are walked by hand.
 */
export function readableText(root: HTMLElement): string {
  if (root.hasAttribute(skipAttribute)) return '';
  if (!root.querySelector(`[${skipAttribute}]`)) return root.innerText;
  const parts: string[] = [];
  for (const child of root.childNodes) {
    if (child instanceof HTMLElement) parts.push(readableText(child));
    else if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
  }
  return parts.join('\n');
}

/** Lines worth speaking, one utterance each: long single utterances are cut short by some voices. */
export function speakableLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}
