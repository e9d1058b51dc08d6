/**
 * How an SMTP failure is classified. SMTP's own reply classes decide where
 * there is a reply (RFC 5321: 4yz transient, 5yz permanent); without one,
 * connection trouble is retried and a configuration problem (TLS refused,
 * untrusted certificate, credentials missing) is permanent, because retrying
 * cannot fix it and the admin must be told.
 */
import { classifyNetworkError, type AttemptResult } from '../attempt.js';

type SmtpFailure = { code?: unknown; responseCode?: unknown; originalCode?: unknown; cause?: { code?: unknown } };

/** Node's codes for a certificate the client does not trust. */
const untrustedCertificate =
  /^(ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_[A-Z_]+)$/;

/** Nodemailer codes that mean the setup is wrong, not the network. */
const configurationCodes = new Set(['ETLS', 'EREQUIRETLS', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EMESSAGE', 'EPROTOCOL']);

function findCertificateCode(failure: SmtpFailure, message: string): string | undefined {
  for (const candidate of [failure.originalCode, failure.cause?.code, failure.code]) {
    if (typeof candidate === 'string' && untrustedCertificate.test(candidate)) return candidate;
  }
  // Nodemailer rewraps a failed STARTTLS handshake as "Error initiating TLS - <node's message>".
  if (
    /self[- ]signed certificate|unable to verify|certificate has expired|does not match certificate|Hostname\/IP does not match/i.test(
      message,
    )
  )
    return 'certificate';
  return undefined;
}

/**
 * Classifies what nodemailer reported for one attempt. `stopped` says why the
 * attempt was stopped, if it was (`stopReason`): a time limit ran out, or the
 * caller cancelled it. Reasons are codes only: an SMTP reply can quote an address.
 */
export function classifySmtpError(error: unknown, stopped: 'timeout' | 'aborted' | undefined): AttemptResult {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const code = typeof failure.code === 'string' ? failure.code : undefined;
  const message = error instanceof Error ? error.message : '';
  if (stopped) return { outcome: 'retry', reason: stopped };

  const certificate = findCertificateCode(failure, message);
  if (certificate) return { outcome: 'permanent', reason: `TLS certificate not trusted (${certificate})` };

  const reply = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
  const label = ['SMTP', reply, code].filter((part) => part !== undefined).join(' ');
  if (reply !== undefined && reply >= 400 && reply < 500) return { outcome: 'retry', reason: label };
  if (reply !== undefined && reply >= 500) return { outcome: 'permanent', reason: label };
  if (code && configurationCodes.has(code)) return { outcome: 'permanent', reason: label };
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS') {
    const original = typeof failure.originalCode === 'string' ? ` ${failure.originalCode}` : '';
    return { outcome: 'retry', reason: `SMTP ${code}${original}` };
  }
  return classifyNetworkError(error);
}
