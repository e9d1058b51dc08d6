/**
 * What every vendor test shares: sample pages (which by their type carry no
 * personal data), a real logger writing to memory, and the check that no
 * secret reached a log line or an attempt's reason.
 */
import { expect } from 'vitest';
import type { AttemptResult, PageMessage } from '../../../electron/core/delivery/attempt.js';
import type { VendorDeps } from '../../../electron/core/delivery/vendors/index.js';
import type { LogEntry } from '../../../electron/core/logger.js';
import { testLogger } from '../electron/test-logger.js';

export const normalPage: PageMessage = {
  program: 'Safe Passage',
  agency: "Lee's Summit Police Department",
  kioskId: 'K1',
  kioskLocation: 'Lobby kiosk 1',
  reference: 'K1-4821',
  priority: 'normal',
  createdAt: '2026-11-22T21:15:00.000Z',
  escalation: false,
};

export const emergencyPage: PageMessage = { ...normalPage, reference: 'K1-4822', priority: 'emergency' };
export const escalationPage: PageMessage = { ...normalPage, reference: 'K1-4823', escalation: true };

export const normalText = 'Safe Passage request at Lobby kiosk 1 (ref K1-4821). See the desk console.';
export const emergencyText =
  'EMERGENCY: possible overdose or someone in danger at Lobby kiosk 1 (Safe Passage ref K1-4822). Respond now. See the desk console.';

export function vendorDeps(timeoutMs = 5000): VendorDeps & { entries: LogEntry[] } {
  const { logger, entries } = testLogger();
  return { logger, entries, now: Date.now, timeoutMs };
}

/** Neither the log nor the attempt's reason may carry a secret (token, password, webhook URL). */
export function expectNoSecrets(entries: readonly LogEntry[], results: readonly AttemptResult[], secrets: readonly string[]): void {
  const visible = JSON.stringify(entries) + JSON.stringify(results);
  for (const secret of secrets) expect(visible).not.toContain(secret);
}

export const neverAborted = () => new AbortController().signal;
