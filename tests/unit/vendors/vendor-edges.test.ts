/**
 * Edges of the vendor channels that the per-vendor tests do not reach: a
 * test page's words, how long the recipient ledger remembers a page, and how
 * each kind of SMTP failure is classified.
 */
import { describe, expect, it } from 'vitest';
import { formatPage } from '../../../electron/core/delivery/vendors/page-text.js';
import { createRecipientLedger } from '../../../electron/core/delivery/vendors/recipient-ledger.js';
import { classifySmtpError } from '../../../electron/core/delivery/vendors/smtp-errors.js';
import { normalPage } from './vendor-test-kit.js';

describe('a test page from the admin screen', () => {
  it('says TEST first and that no one needs help, never like a real request', () => {
    for (const page of [normalPage, { ...normalPage, priority: 'emergency' as const, escalation: true }]) {
      expect(formatPage({ ...page, test: true })).toEqual({
        title: 'TEST page from Lobby kiosk 1 (Safe Passage). No one needs help.',
        text: 'TEST: this is a test page from Lobby kiosk 1 (Safe Passage, ref K1-4821). No one needs help. No action needed.',
      });
    }
  });
});

describe('the words of any page', () => {
  it('trim a config value and fold its runs of spaces into one', () => {
    const page = formatPage({ ...normalPage, kioskLocation: '  Lobby   kiosk\t 1 \n', program: ' Safe  Passage ' });
    expect(page).toEqual({
      title: 'Safe Passage request ref K1-4821 at Lobby kiosk 1',
      text: 'Safe Passage request at Lobby kiosk 1 (ref K1-4821). See the desk console.',
    });
  });

  it('say in an escalated emergency that nobody has acknowledged it, in the text as in the title', () => {
    const page = formatPage({ ...normalPage, priority: 'emergency', escalation: true });
    expect(page.text).toBe(
      'EMERGENCY, NOT ACKNOWLEDGED YET: possible overdose or someone in danger at Lobby kiosk 1 (Safe Passage ref K1-4821). Respond now. See the desk console.',
    );
  });
});

describe('the recipient ledger', () => {
  /** One attempt at a page that reaches `to` and is not settled (others still pending); returns who it had reached before. */
  async function reach(ledger: ReturnType<typeof createRecipientLedger>, reference: string, to: string): Promise<string[]> {
    let before: string[] = [];
    await ledger.attempt({ ...normalPage, reference }, async (progress) => {
      before = [...progress.accepted];
      progress.accepted.add(to);
      return { result: { outcome: 'retry', reason: 'HTTP 503' }, settled: false };
    });
    return before;
  }

  it('remembers who has an unfinished page across 200 other unfinished pages, and forgets the oldest beyond that', async () => {
    const ledger = createRecipientLedger();
    await reach(ledger, 'K1-0000', '+15550000001');
    for (let n = 1; n < 200; n += 1) await reach(ledger, `K1-${String(n).padStart(4, '0')}`, '+15550000001');
    expect(await reach(ledger, 'K1-0000', '+15550000002')).toEqual(['+15550000001']);

    const bounded = createRecipientLedger();
    await reach(bounded, 'K1-0000', '+15550000001');
    for (let n = 1; n <= 200; n += 1) await reach(bounded, `K1-${String(n).padStart(4, '0')}`, '+15550000001');
    expect(await reach(bounded, 'K1-0000', '+15550000002')).toEqual([]);
  });

  it('keeps a test page apart from the real page with the same reference', async () => {
    const ledger = createRecipientLedger();
    await reach(ledger, 'K1-4821', '+15550000001');
    let seen: string[] = ['not run'];
    await ledger.attempt({ ...normalPage, test: true }, async (progress) => {
      seen = [...progress.accepted];
      return { result: { outcome: 'delivered' }, settled: true };
    });
    expect(seen).toEqual([]);
  });
});

describe('an SMTP failure', () => {
  it('is a permanent certificate problem when the TLS handshake names an untrusted certificate, in any field', () => {
    expect(
      classifySmtpError(Object.assign(new Error('x'), { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), undefined),
    ).toEqual({
      outcome: 'permanent',
      reason: 'TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
    expect(classifySmtpError(Object.assign(new Error('x'), { cause: { code: 'CERT_HAS_EXPIRED' } }), undefined)).toEqual({
      outcome: 'permanent',
      reason: 'TLS certificate not trusted (CERT_HAS_EXPIRED)',
    });
    for (const message of [
      'Error initiating TLS - self-signed certificate',
      'Error initiating TLS - unable to verify the first certificate',
      "Hostname/IP does not match certificate's altnames",
    ]) {
      expect(classifySmtpError(Object.assign(new Error(message), { code: 'ETLS' }), undefined)).toEqual({
        outcome: 'permanent',
        reason: 'TLS certificate not trusted (certificate)',
      });
    }
  });

  it('follows the reply class: 4xx retried, 5xx permanent, each named by reply and code', () => {
    expect(classifySmtpError(Object.assign(new Error('busy'), { responseCode: 421, code: 'EENVELOPE' }), undefined)).toEqual({
      outcome: 'retry',
      reason: 'SMTP 421 EENVELOPE',
    });
    expect(classifySmtpError(Object.assign(new Error('no'), { responseCode: 554 }), undefined)).toEqual({
      outcome: 'permanent',
      reason: 'SMTP 554',
    });
  });

  it('without a reply, is permanent for a setup problem and retried for connection trouble, naming the underlying code', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { code: 'EAUTH' }), undefined)).toEqual({
      outcome: 'permanent',
      reason: 'SMTP EAUTH',
    });
    for (const code of ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']) {
      expect(classifySmtpError(Object.assign(new Error('x'), { code }), undefined)).toEqual({ outcome: 'retry', reason: `SMTP ${code}` });
      expect(classifySmtpError(Object.assign(new Error('x'), { code, originalCode: 'ECONNREFUSED' }), undefined)).toEqual({
        outcome: 'retry',
        reason: `SMTP ${code} ECONNREFUSED`,
      });
    }
  });

  it('says whether the attempt ran out of time or was cancelled, whatever the error', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { responseCode: 554 }), 'timeout')).toEqual({
      outcome: 'retry',
      reason: 'timeout',
    });
    expect(classifySmtpError(new Error('x'), 'aborted')).toEqual({ outcome: 'retry', reason: 'aborted' });
  });

  it('falls back to the network error of anything else, also when it is not an Error at all', () => {
    expect(classifySmtpError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), undefined)).toEqual({
      outcome: 'retry',
      reason: 'ECONNRESET',
    });
    expect(classifySmtpError('self signed certificate', undefined)).toEqual({ outcome: 'retry', reason: 'network error' });
    expect(classifySmtpError(null, undefined)).toEqual({ outcome: 'retry', reason: 'network error' });
  });
});
