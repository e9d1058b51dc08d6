/**
 * OS notifications while requests wait for an acknowledgement: one when a
 * request arrives, then again every `repeatSeconds` until none is waiting.
 * Titles and bodies carry no personal data (DESIGN.md, Privacy): the
 * program, the kiosk's location and the reference only.
 */
import type { Notifier } from '../platform.js';
import type { StoredRequest } from './stored-request.js';

export type DeskAlerts = {
  /**
   * A new request: shown at once, unless this kiosk's last one was shown less
   * than `repeatSeconds` ago (a burst) and this one is no more urgent.
   */
  arrived(record: StoredRequest, waitingCount: number, at: number): void;
  /** Repeats the alert when it is due, for the most urgent waiting request. */
  tick(first: StoredRequest | undefined, waitingCount: number, at: number): void;
};

/** "Safe Passage request at Lobby kiosk 1 (K1-4821)" */
function alertTitle(program: string, record: Pick<StoredRequest, 'kiosk' | 'reference'>): string {
  return `${program} request at ${record.kiosk.location} (${record.reference})`;
}

/** Alerts through the platform's notifier; `enabled` false keeps them to the console's own sound and list. */
export function createDeskAlerts(options: { notifier: Notifier; enabled: boolean; repeatSeconds: number; program: string }): DeskAlerts {
  let lastShownAt: number | undefined;
  // A kiosk sending many requests at once (a stuck button, a flood) is one alert, then the repeats.
  const lastArrivalShown = new Map<string, { at: number; emergency: boolean }>();
  const repeatMs = options.repeatSeconds * 1000;

  const show = (record: StoredRequest, waitingCount: number, at: number) => {
    lastShownAt = at;
    lastArrivalShown.set(record.kiosk.id, { at, emergency: record.priority === 'emergency' });
    if (!options.enabled) return;
    if (record.test) {
      // Never worded like a person waiting.
      options.notifier.show({
        title: `TEST page from ${record.kiosk.location}`,
        body: 'This is a test. No one needs help. Acknowledge it to close it.',
        urgent: false,
      });
      return;
    }
    const urgent = record.priority === 'emergency';
    const lead = urgent ? 'Emergency: someone may be in danger now. ' : '';
    const more = waitingCount > 1 ? ` ${waitingCount} requests are waiting.` : '';
    options.notifier.show({
      title: alertTitle(options.program, record),
      body: `${lead}Acknowledge it at the desk console.${more}`,
      urgent,
    });
  };

  return {
    arrived(record, waitingCount, at) {
      const previous = lastArrivalShown.get(record.kiosk.id);
      // An emergency after a normal request is always shown; anything else this soon after one is part of a burst.
      const escalates = record.priority === 'emergency' && previous?.emergency === false;
      if (previous && at - previous.at < repeatMs && !escalates) return;
      show(record, waitingCount, at);
    },
    tick(first, waitingCount, at) {
      if (!first) {
        lastShownAt = undefined;
        return;
      }
      if (lastShownAt === undefined || at - lastShownAt >= repeatMs) show(first, waitingCount, at);
    },
  };
}
