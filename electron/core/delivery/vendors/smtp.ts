/**
 * Email over SMTP with nodemailer: one plain-text mail to every configured
 * address, the subject and body free of personal data. A fresh transport per
 * attempt, closed when the attempt ends, so nothing lingers between pages.
 */
import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import type { ChannelConfig } from '../../../../shared/config.js';
import { stopReason, type AttemptResult, type PageMessage, type PageSender } from '../attempt.js';
import { formatPage } from './page-text.js';
import { createRecipientLedger, pendingOf, type PageProgress } from './recipient-ledger.js';
import { classifySmtpError } from './smtp-errors.js';
import type { VendorDeps } from './vendor-deps.js';

type SmtpChannel = Extract<ChannelConfig, { type: 'smtp' }>;
type TransportOptions = Parameters<typeof nodemailer.createTransport>[0] & { host: string };

/** "tls": TLS from the first byte; "starttls": the upgrade is required, never optional; "none": plain, loopback only (the config refuses it elsewhere). */
export function smtpTransportOptions(channel: SmtpChannel, timeoutMs: number, ca: Buffer | undefined): TransportOptions {
  return {
    host: channel.host,
    port: channel.port,
    secure: channel.security === 'tls',
    requireTLS: channel.security === 'starttls',
    ignoreTLS: channel.security === 'none',
    ...(channel.auth ? { auth: { user: channel.auth.user, pass: channel.auth.pass } } : {}),
    tls: { rejectUnauthorized: channel.rejectUnauthorized, ...(ca ? { ca } : {}) },
    // Each phase gets the whole budget; the attempt's signal enforces the total.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    // The mail is built here from a PageMessage: it never needs files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

/** The mail for a page: plain text, the headline as the subject. */
export function smtpMail(channel: SmtpChannel, to: readonly string[], message: PageMessage) {
  const page = formatPage(message);
  return {
    from: channel.from,
    to: [...to],
    subject: page.title,
    text: `${page.text}\n\nCaptured at ${message.createdAt} (UTC) by kiosk ${message.kioskId}, ${message.agency}.\nThis message carries no personal details by design; they are on the desk console only.\n`,
    priority: message.priority === 'emergency' ? ('high' as const) : ('normal' as const),
    // RFC 3834: machines must not auto-reply (out-of-office) to a page.
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/**
 * One attempt mails every address not yet accepted. The server's verdict per
 * address decides: all accepted (or refused for good with 5xx, logged as a
 * count) is delivered; an address deferred with 4xx makes the attempt a
 * retry for that address only. A failure of the whole transaction is
 * classified by `classifySmtpError`.
 */
export function createSmtpSender(channel: SmtpChannel, deps: VendorDeps): PageSender {
  const ledger = createRecipientLedger();

  const mailPending = async (message: PageMessage, progress: PageProgress, signal: AbortSignal): Promise<AttemptResult> => {
    let ca: Buffer | undefined;
    try {
      // The PEM's bytes as they are: TLS reads them as well as text.
      ca = channel.caFile ? await readFile(channel.caFile) : undefined;
    } catch {
      return { outcome: 'permanent', reason: 'caFile cannot be read' };
    }
    // Never empty: an attempt that settles every address is delivered, and its progress forgotten.
    const pending = pendingOf(progress, channel.to);
    const timeout = AbortSignal.timeout(deps.timeoutMs);
    const transport = nodemailer.createTransport(smtpTransportOptions(channel, deps.timeoutMs, ca));
    try {
      const info = await transport.sendMail({ ...smtpMail(channel, pending, message), signal: AbortSignal.any([signal, timeout]) });
      recordVerdicts(info, progress, pending);
      const deferred = pendingOf(progress, channel.to).length;
      if (deferred > 0) return { outcome: 'retry', reason: `SMTP 4xx (${deferred} of ${pending.length} addresses deferred)` };
      if (progress.refused.size > 0) {
        deps.logger.warn('the mail server refused some addresses of a page; the others have it', {
          channel: channel.id,
          count: progress.refused.size,
          reference: message.reference,
        });
      }
      return { outcome: 'delivered' };
    } catch (error) {
      return classifySmtpError(error, stopReason(signal, timeout));
    } finally {
      transport.close();
    }
  };

  return {
    channelId: channel.id,
    send(message, signal) {
      return ledger.attempt(message, async (progress) => {
        const result = await mailPending(message, progress, signal);
        // Refused for good (a 5xx for the whole mail, a setup problem): the outbox gives the page up, so forget it.
        return { result, settled: result.outcome !== 'retry' };
      });
    },
  };
}

type Address = string | { address: string };
type SendInfo = { accepted: Address[]; rejected: Address[]; rejectedErrors?: Array<{ recipient?: string; responseCode?: number }> };

const addressOf = (entry: Address) => (typeof entry === 'string' ? entry : entry.address).toLowerCase();

/** Accepted addresses are done; refused with 5xx are done for good; deferred with 4xx stay pending. */
function recordVerdicts(info: SendInfo, progress: PageProgress, pending: readonly string[]): void {
  const accepted = new Set(info.accepted.map(addressOf));
  const deferred = new Set(
    (info.rejectedErrors ?? []).flatMap((e) => (e.recipient && (e.responseCode ?? 500) < 500 ? [e.recipient.toLowerCase()] : [])),
  );
  for (const to of pending) {
    if (accepted.has(to.toLowerCase())) progress.accepted.add(to);
    else if (!deferred.has(to.toLowerCase())) progress.refused.add(to);
  }
}
