import { isCallFailure } from '../../../../../shared/call-result';

/**
 * Which plain sentence (a key under "pairing.refused") fits a refused pairing
 * call. The core's refusals are English sentences for the log; the screen
 * shows its own words in the screen's language.
 */
export function refusalKey(error: unknown): string {
  const message = isCallFailure(error) || error instanceof Error ? error.message : '';
  if (isCallFailure(error) && error.code === 'invalid-input') return 'pairing.refused.badInput';
  if (/not right/i.test(message)) return 'pairing.refused.wrong';
  if (/expired/i.test(message)) return 'pairing.refused.expired';
  if (/no pairing code is waiting|new code/i.test(message)) return 'pairing.refused.used';
  if (/could not be reached|not listening/i.test(message)) return 'pairing.refused.unreachable';
  if (/differ|middle/i.test(message)) return 'pairing.refused.different';
  return 'pairing.refused.other';
}
