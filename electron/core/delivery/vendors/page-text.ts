/**
 * The words of a page that leaves the building (SMS, Teams, Slack, email).
 * English only: they go to staff. No personal data, by construction: a
 * PageMessage carries none (DESIGN.md, Privacy).
 */
import type { PageMessage } from '../attempt.js';

export type PageText = {
  /** A short headline: the email subject, the card's title. */
  title: string;
  /** The whole page in one sentence or two: the SMS body, the Slack text. */
  text: string;
};

/** Config values are trusted, but a stray newline must not break an email header or an SMS. */
function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Formats a page. For example:
 * - "Safe Passage request at Lobby kiosk 1 (ref K1-4821). See the desk console."
 * - "EMERGENCY: possible overdose or someone in danger at Lobby kiosk 1 (Safe Passage ref K1-4821). Respond now. See the desk console."
 * - "NOT ACKNOWLEDGED YET: Safe Passage request at Lobby kiosk 1 (ref K1-4821). Nobody has acknowledged it. See the desk console."
 * - "TEST: this is a test page from Lobby kiosk 1 (Safe Passage, ref K1-0000). No one needs help. No action needed."
 */
export function formatPage(message: PageMessage): PageText {
  const program = oneLine(message.program);
  const place = oneLine(message.kioskLocation);
  const reference = oneLine(message.reference);
  const emergency = message.priority === 'emergency';
  const unacknowledged = message.escalation ? 'NOT ACKNOWLEDGED YET: ' : '';

  if (message.test) {
    // Never worded like a real request: nobody is waiting, and it says so first.
    return {
      title: `TEST page from ${place} (${program}). No one needs help.`,
      text: `TEST: this is a test page from ${place} (${program}, ref ${reference}). No one needs help. No action needed.`,
    };
  }

  if (emergency) {
    return {
      title: `${message.escalation ? 'EMERGENCY, NOT ACKNOWLEDGED YET' : 'EMERGENCY'}: ${program} ref ${reference} at ${place}`,
      text:
        `${message.escalation ? 'EMERGENCY, NOT ACKNOWLEDGED YET' : 'EMERGENCY'}: possible overdose or someone in danger at ${place} ` +
        `(${program} ref ${reference}). Respond now. See the desk console.`,
    };
  }
  return {
    title: `${unacknowledged}${program} request ref ${reference} at ${place}`,
    text: message.escalation
      ? `${unacknowledged}${program} request at ${place} (ref ${reference}). Nobody has acknowledged it. See the desk console.`
      : `${program} request at ${place} (ref ${reference}). See the desk console.`,
  };
}
