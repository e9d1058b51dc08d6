/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a free port, keeping
 * what it received: the envelope, whether the session was encrypted, who
 * logged in, and the message's subject and text. Scripted replies answer
 * with real SMTP reply codes, per recipient and per DATA, in order, so a test
 * can play a sequence of attempts (one address deferred, then the whole mail
 * refused at DATA).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  from: string;
  to: string[];
  secure: boolean;
  user: string | undefined;
  headers: string;
  subject: string;
  text: string;
};

export type SmtpTestServerOptions = {
  /** TLS from the first byte (port 465 style). */
  implicitTls?: boolean;
  /** Offer STARTTLS with this certificate; without it STARTTLS is not offered at all. */
  certificate?: { key: string; cert: string };
  /** Require this login; without it the server takes mail without AUTH. */
  login?: { user: string; pass: string };
  /**
   * Replies to RCPT TO per address, in order: each RCPT for that address takes the next one, e.g. 450 (deferred), 550
   * (no such user) or 250 (accepted); once they are used up, the address is accepted. One code is a list of one.
   */
  rcptReplies?: Map<string, number | readonly number[]>;
  /**
   * Replies to DATA, in order: each mail takes the next one, e.g. 451 (deferred), 421 (closing), 554 (the whole mail
   * refused) or 250 (accepted); once they are used up, every mail is accepted.
   */
  dataReplies?: readonly number[];
};

/** One mail transaction that reached DATA: the recipients the server had accepted, and its reply to the mail. */
export type SmtpTransaction = { to: string[]; reply: number };

export type SmtpTestServer = {
  port: number;
  /** The mails taken (DATA answered 250). */
  received: ReceivedMail[];
  /** Every mail that reached DATA, taken or not, in order. */
  transactions: SmtpTransaction[];
  close(): Promise<void>;
};

const accepted = 250;

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Undoes quoted-printable, the encoding nodemailer uses for long lines of text. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMail(raw: string): { headers: string; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const quoted = /^Content-Transfer-Encoding: quoted-printable/im.test(unfolded);
  return { headers: unfolded, subject, text: (quoted ? decodeQuotedPrintable(body) : body).replace(/\r\n/g, '\n') };
}

export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const transactions: SmtpTransaction[] = [];
  const rcptReplies = new Map([...(options.rcptReplies ?? [])].map(([address, codes]) => [address, [codes].flat()]));
  const dataReplies = [...(options.dataReplies ?? [])];
  const tls = options.certificate;
  const server = new SMTPServer({
    secure: options.implicitTls === true,
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    disabledCommands: [...(tls ? [] : ['STARTTLS']), ...(options.login ? [] : ['AUTH'])],
    authOptional: !options.login,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.login && auth.username === options.login.user && auth.password === options.login.pass)
        callback(null, { user: auth.username });
      else callback(smtpError(535, 'Authentication credentials invalid'));
    },
    onRcptTo(address, _session, callback) {
      const code = rcptReplies.get(address.address)?.shift() ?? accepted;
      callback(code === accepted ? null : smtpError(code, code < 500 ? 'Mailbox busy, try later' : 'No such user here'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = session.envelope;
        const code = dataReplies.shift() ?? accepted;
        transactions.push({ to: envelope.rcptTo.map((r) => r.address), reply: code });
        if (code !== accepted) {
          callback(smtpError(code, code < 500 ? 'Local error in processing' : 'Transaction failed'));
          return;
        }
        received.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to: envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          ...parseMail(Buffer.concat(chunks).toString('latin1')),
        });
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, transactions, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
