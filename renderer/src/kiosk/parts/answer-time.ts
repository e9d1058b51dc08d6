/**
 * The clock time of the officer's answer, in the person's language ("3:42 PM"). A clock time stays true however
 * long the screen stays up, where "just now" or "2 minutes ago" would go stale or need a timer to keep it true.
 */
export function answerTime(iso: string, language: string): string | undefined {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(at);
}
