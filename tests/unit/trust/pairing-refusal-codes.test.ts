import { describe, expect, it } from 'vitest';
import { pairingNotPossible } from '../../../electron/core/pairing/device-trust.js';
import { PairingRefused } from '../../../electron/core/pairing/pairing-initiator.js';
import { pairingRefusals } from '../../../shared/trust.js';

describe('the stable code a refused pairing step carries to the admin screen', () => {
  it("keeps the desk's own code when it is one this device knows", () => {
    for (const code of ['code-wrong', 'code-expired', 'code-used-up', 'code-none', 'no-session', 'same-device'] as const) {
      const refusal = pairingNotPossible(new PairingRefused(code, 'a sentence for the log'), 'unreachable');
      expect(refusal.reason).toBe(code);
      expect(refusal.message).toBe('a sentence for the log');
    }
  });

  it('turns a desk code it does not know into "refused", so the screen never shows a code it has no words for', () => {
    expect(pairingNotPossible(new PairingRefused('waiting-for-desk', 'confirm the code on the desk too'), 'x').reason).toBe('refused');
  });

  it('names a certificate that changed partway through pairing', () => {
    const changed = Object.assign(new Error('the desk presented a different certificate during pairing'), { code: 'CERT_CHANGED' });
    expect(pairingNotPossible(changed, 'x').reason).toBe('certificate-changed');
  });

  it('calls any other failure unreachable, with the sentence given for the log', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const refusal = pairingNotPossible(refused, 'The desk could not be reached at that address.');
    expect(refusal).toMatchObject({ reason: 'unreachable', message: 'The desk could not be reached at that address.' });
  });

  it('gives only codes from the shared list', () => {
    const cases: unknown[] = [new PairingRefused('anything', 'x'), new Error('x'), 'not an error', undefined];
    for (const error of cases) expect(pairingRefusals).toContain(pairingNotPossible(error, 'x').reason);
  });
});
