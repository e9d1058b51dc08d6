import { rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startSmtpTestServer, type SmtpTestServer, type SmtpTestServerOptions } from './fakes/smtp-test-server.js';
import { makeTestCertificate } from './fakes/test-certificate.js';
import { emergencyPage, emergencyText, expectNoSecrets, neverAborted, normalPage, normalText, vendorDeps } from './vendor-test-kit.js';

const certificate = makeTestCertificate();
const noOpenssl = certificate === undefined;
afterAll(() => {
  if (certificate) rmSync(certificate.dir, { recursive: true, force: true });
});

const password = 'SMTP-PASS-d41d8cd9';
const login = { user: 'kiosk@pd.example', pass: password };
const duty = 'duty-sergeant@pd.example';
const watch = 'watch-commander@pd.example';

let server: SmtpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  server = await startSmtpTestServer(options);
  return server;
}

type Security = 'tls' | 'starttls' | 'none';
function channel(
  port: number,
  security: Security,
  extra: { auth?: typeof login; caFile?: string; rejectUnauthorized?: boolean; to?: string[] } = {},
) {
  return {
    id: 'email-duty',
    use: 'page' as const,
    type: 'smtp' as const,
    host: '127.0.0.1',
    port,
    security,
    from: 'lobby-kiosk@pd.example',
    to: extra.to ?? [duty, watch],
    rejectUnauthorized: extra.rejectUnauthorized ?? true,
    ...(extra.auth ? { auth: extra.auth } : {}),
    ...(extra.caFile ? { caFile: extra.caFile } : {}),
  };
}

const expectedBody = (text: string, page = normalPage) =>
  `${text}\n\nCaptured at ${page.createdAt} (UTC) by kiosk K1, Lee's Summit Police Department.\n` +
  'This message carries no personal details by design; they are on the desk console only.\n';

describe('a page by email over SMTP', () => {
  it('mails every address once, in plain text, to a relay on this machine', async () => {
    const smtp = await start();
    const deps = vendorDeps();
    const result = await createVendorSender(channel(smtp.port, 'none'), deps).send(normalPage, neverAborted());

    expect(result).toEqual({ outcome: 'delivered' });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail).toMatchObject({ from: 'lobby-kiosk@pd.example', to: [duty, watch], secure: false });
    expect(mail.subject).toBe('Safe Passage request ref K1-4821 at Lobby kiosk 1');
    expect(mail.text).toBe(expectedBody(normalText));
    expect(mail.headers).toMatch(/^Content-Type: text\/plain/im);
    expect(mail.headers).toMatch(/^Auto-Submitted: auto-generated/im);
    expect(deps.entries).toEqual([]);
  });

  it('marks an emergency as high priority with the emergency wording', async () => {
    const smtp = await start();
    await createVendorSender(channel(smtp.port, 'none'), vendorDeps()).send(emergencyPage, neverAborted());
    const mail = smtp.received[0]!;
    expect(mail.subject).toBe('EMERGENCY: Safe Passage ref K1-4822 at Lobby kiosk 1');
    expect(mail.text).toBe(expectedBody(emergencyText, emergencyPage));
    expect(mail.headers).toMatch(/^X-Priority: 1/im);
  });

  it.skipIf(noOpenssl)('[needs the openssl command] upgrades with STARTTLS, trusts the configured CA file and logs in', async () => {
    const smtp = await start({ certificate, login });
    const deps = vendorDeps();
    const result = await createVendorSender(channel(smtp.port, 'starttls', { auth: login, caFile: certificate!.certFile }), deps).send(
      normalPage,
      neverAborted(),
    );

    expect(result).toEqual({ outcome: 'delivered' });
    expect(smtp.received[0]).toMatchObject({ secure: true, user: login.user, text: expectedBody(normalText) });
    expectNoSecrets(deps.entries, [result], [password]);
  });

  it.skipIf(noOpenssl)('[needs the openssl command] speaks TLS from the first byte when security is "tls"', async () => {
    const smtp = await start({ implicitTls: true, certificate });
    const result = await createVendorSender(channel(smtp.port, 'tls', { caFile: certificate!.certFile }), vendorDeps()).send(
      normalPage,
      neverAborted(),
    );
    expect(result).toEqual({ outcome: 'delivered' });
    expect(smtp.received[0]?.secure).toBe(true);
  });

  it.skipIf(noOpenssl)('[needs the openssl command] refuses a certificate it cannot trust, for good, and sends nothing', async () => {
    const smtp = await start({ certificate });
    const result = await createVendorSender(channel(smtp.port, 'starttls'), vendorDeps()).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)' });
    expect(smtp.received).toEqual([]);
  });

  it('will not send in the clear when STARTTLS is required but the server does not offer it', async () => {
    const smtp = await start({ login });
    const deps = vendorDeps();
    const result = await createVendorSender(channel(smtp.port, 'starttls', { auth: login }), deps).send(normalPage, neverAborted());
    expect(result).toMatchObject({ outcome: 'permanent', reason: expect.stringMatching(/ETLS/) });
    expect(smtp.received).toEqual([]);
    expectNoSecrets(deps.entries, [result], [password]);
  });

  it('treats a wrong password (535) as permanent without repeating it anywhere', async () => {
    const smtp = await start({ login });
    const deps = vendorDeps();
    const wrong = { user: login.user, pass: 'WRONG-PASS-77aa' };
    const result = await createVendorSender(channel(smtp.port, 'none', { auth: wrong }), deps).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'permanent', reason: 'SMTP 535 EAUTH' });
    expectNoSecrets(deps.entries, [result], ['WRONG-PASS-77aa', password]);
  });

  it('retries a 4xx reply and gives up on a 5xx reply', async () => {
    const deferring = await start({ dataReplies: [451] });
    const sender = createVendorSender(channel(deferring.port, 'none'), vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'SMTP 451 EMESSAGE' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    await deferring.close();

    const refusing = await start({ dataReplies: [554] });
    expect(await createVendorSender(channel(refusing.port, 'none'), vendorDeps()).send(normalPage, neverAborted())).toEqual({
      outcome: 'permanent',
      reason: 'SMTP 554 EMESSAGE',
    });
  });

  it('retries only an address the server deferred, so the others are not mailed twice', async () => {
    const smtp = await start({ rcptReplies: new Map([[watch, 450]]) });
    const sender = createVendorSender(channel(smtp.port, 'none'), vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'retry', reason: 'SMTP 4xx (1 of 2 addresses deferred)' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(smtp.received.map((mail) => mail.to)).toEqual([[duty], [watch]]);
  });

  it('is delivered when one address is refused for good (550), and logs only a count', async () => {
    const smtp = await start({ rcptReplies: new Map([[watch, 550]]) });
    const deps = vendorDeps();
    expect(await createVendorSender(channel(smtp.port, 'none'), deps).send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    expect(deps.entries.map((entry) => [entry.level, entry.message, entry.fields])).toEqual([
      [
        'warn',
        'the mail server refused some addresses of a page; the others have it',
        { channel: 'email-duty', count: 1, reference: 'K1-4821' },
      ],
    ]);
    expect(JSON.stringify(deps.entries)).not.toContain(watch);
  });

  it('is permanent when the configured CA file cannot be read, and connects to nothing', async () => {
    const smtp = await start();
    const result = await createVendorSender(channel(smtp.port, 'starttls', { caFile: '/nonexistent/ca.pem' }), vendorDeps()).send(
      normalPage,
      neverAborted(),
    );
    expect(result).toEqual({ outcome: 'permanent', reason: 'caFile cannot be read' });
    expect(smtp.received).toEqual([]);
  });

  it('retries when no server listens', async () => {
    const smtp = await start();
    const port = smtp.port;
    await smtp.close();
    server = undefined;
    const result = await createVendorSender(channel(port, 'none'), vendorDeps()).send(normalPage, neverAborted());
    expect(result).toEqual({ outcome: 'retry', reason: 'SMTP ESOCKET ECONNREFUSED' });
  });

  describe('against a server that accepts the connection and never answers', () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    const silentPort = () => (silent.address() as AddressInfo).port;
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('gives up within the attempt time limit', async () => {
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const result = await createVendorSender(channel(silentPort(), 'none'), vendorDeps(300)).send(normalPage, neverAborted());
      expect(result).toEqual({ outcome: 'retry', reason: 'timeout' });
    });

    it('stops at once when the outbox cancels', async () => {
      const controller = new AbortController();
      const before = sockets.size;
      const sending = createVendorSender(channel(silentPort(), 'none'), vendorDeps()).send(normalPage, controller.signal);
      await expect.poll(() => sockets.size).toBe(before + 1);
      controller.abort();
      expect(await sending).toEqual({ outcome: 'retry', reason: 'aborted' });
    });
  });
});
