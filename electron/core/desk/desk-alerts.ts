/**
 * OS notifications while requests wait for an acknowledgement: one when a
 * request arrives, then again every `repeatSeconds` until none is waiting.
 * Titles and bodies carry no personal data (DESIGN.md, Privacy): the
 * program, the kiosk's location and the reference only.
 */
import type { Notifier } from '../platform.js';
import type { StoredRequest } from './stored-request.js';

export type DeskAlerts = {
  arrived(record: StoredRequest, at: number): void;
  /** Repeats the alert when it is due; `waiting` is most urgent first. */
  tick(waiting: readonly StoredRequest[], at: number): void;
};

/** "Safe Passage request at Lobby kiosk 1 (K1-4821)" */
export function alertTitle(program: string, record: Pick<StoredRequest, 'kiosk' | 'reference'>): string {
  return `${program} request at ${record.kiosk.location} (${record.reference})`;
}

/** Alerts through the platform's notifier; `enabled` false keeps them to the console's own sound and list. */
export function createDeskAlerts(options: { notifier: Notifier; enabled: boolean; repeatSeconds: number; program: string }): DeskAlerts {
  let lastShownAt: number | undefined;

  const show = (record: StoredRequest, waitingCount: number, at: number) => {
    lastShownAt = at;
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
    arrived(record, at) {
      show(record, 1, at);
    },
    tick(waiting, at) {
      const first = waiting[0];
      if (!first) {
        lastShownAt = undefined;
        return;
      }
      if (lastShownAt === undefined || at - lastShownAt >= options.repeatSeconds * 1000) show(first, waiting.length, at);
    },
  };
}
