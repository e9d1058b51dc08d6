/**
 * The pairing ceremony between two cores in one process, as two
 * administrators would run it: a code made on the desk and typed on the
 * initiator, the comparison code checked and confirmed on both sides. The
 * browser host uses it so `npm run demo` pairs its kiosk and desk by itself;
 * it goes through the real TLS exchange, nothing is shortcut.
 */
import type { CallHandlers } from '../../../shared/contract.js';

type PairingHandlers = Pick<
  CallHandlers,
  'admin.pairing.createCode' | 'admin.pairing.pairWithDesk' | 'admin.pairing.confirm' | 'admin.pairing.overview'
>;

/** Runs the ceremony; resolves with the comparison code both sides showed. Throws when a step is refused. */
export async function pairLocally(desk: PairingHandlers, initiator: PairingHandlers): Promise<{ comparisonCode: string }> {
  const made = await desk['admin.pairing.createCode']({});
  const address = made.addresses[0];
  if (!address) throw new Error('the desk has no address to pair with');
  const pending = await initiator['admin.pairing.pairWithDesk']({ address, code: made.code });
  const deskSide = (await desk['admin.pairing.overview']({})).pending.find((p) => p.comparisonCode === pending.comparisonCode);
  // Numeric comparison: an automatic ceremony still refuses when the two sides disagree.
  if (!deskSide) throw new Error('the desk and the kiosk showed different comparison codes');
  await desk['admin.pairing.confirm']({ sessionId: deskSide.sessionId, same: true });
  const done = await initiator['admin.pairing.confirm']({ sessionId: pending.sessionId, same: true });
  if (done.state !== 'paired') throw new Error(`the pairing ended as ${done.state}`);
  return { comparisonCode: pending.comparisonCode };
}
