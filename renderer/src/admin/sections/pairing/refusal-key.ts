import { isCallFailure } from '../../../../../shared/call-result';
import type { PairingRefusal } from '../../../../../shared/trust';

/** A sentence under "pairing.refused" in admin.json, in every language. */
export type RefusalKey = `pairing.refused.${'wrong' | 'expired' | 'used' | 'unreachable' | 'different' | 'badInput' | 'other'}`;

/** Every refusal code the core can give, with its sentence: a new code does not compile until it has one. */
export const refusalKeys: Record<PairingRefusal, RefusalKey> = {
  'code-wrong': 'pairing.refused.wrong',
  'code-expired': 'pairing.refused.expired',
  'code-used-up': 'pairing.refused.used',
  'code-none': 'pairing.refused.used',
  'no-session': 'pairing.refused.used',
  'same-device': 'pairing.refused.other',
  'commitment-mismatch': 'pairing.refused.different',
  'certificate-changed': 'pairing.refused.different',
  'bad-signature': 'pairing.refused.other',
  'no-secret': 'pairing.refused.other',
  unreachable: 'pairing.refused.unreachable',
  'receiver-off': 'pairing.refused.unreachable',
  'not-a-desk': 'pairing.refused.other',
  refused: 'pairing.refused.other',
};

/** For a code this screen does not know (a newer core) or a failure with none. */
export const genericRefusal: RefusalKey = 'pairing.refused.other';

/**
 * Which plain sentence fits a refused pairing call, from the refusal's
 * stable code; never from its English message, which is for the log.
 */
export function refusalKey(error: unknown): RefusalKey {
  if (!isCallFailure(error)) return genericRefusal;
  if (error.code === 'invalid-input') return 'pairing.refused.badInput';
  const reason = error.reason;
  return reason !== undefined && Object.hasOwn(refusalKeys, reason) ? refusalKeys[reason as PairingRefusal] : genericRefusal;
}
