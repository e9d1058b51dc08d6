/**
 * How the SMTP sender (electron/core/delivery/vendors/smtp.ts) sets up
 * nodemailer, against a real SMTP server on 127.0.0.1: "none" stays plain
 * even when the relay offers STARTTLS, a normal page carries no priority
 * header, and nodemailer prints nothing (its log would quote addresses and
 * the server's replies).
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createVendorSender } from '../../../electron/core/delivery/vendors/index.js';
import { startSmtpTestServer, type SmtpTestServer } from '../vendors/fakes/smtp-test-server.js';
import { makeTestCertificate } from '../vendors/fakes/test-certificate.js';
import { neverAborted, normalPage, vendorDeps } from '../vendors/vendor-test-kit.js';

const certificate = makeTestCertificate();
afterAll(() => {
  if (certificate) rmSync(certificate.dir, { recursive: true, force: true });
});

let server: SmtpTestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

const duty = 'duty-sergeant@pd.example';

const plainChannel = (port: number) => ({
  id: 'email-duty',
  use: 'page' as const,
  type: 'smtp' as const,
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  from: 'lobby-kiosk@pd.example',
  to: [duty],
  rejectUnauthorized: true,
});

describe('the SMTP sender', () => {
  it.skipIf(certificate === undefined)(
    '[needs the openssl command] with security "none" stays plain even when the relay offers STARTTLS',
    async () => {
      // The relay's certificate is self-signed and not trusted: an upgrade would fail, so delivery shows none was tried.
      server = await startSmtpTestServer({ certificate });
      const result = await createVendorSender(plainChannel(server.port), vendorDeps()).send(normalPage, neverAborted());
      expect(result).toEqual({ outcome: 'delivered' });
      expect(server.received.map((mail) => mail.secure)).toEqual([false]);
    },
  );

  it('marks only an emergency as urgent: a normal page carries no priority header', async () => {
    server = await startSmtpTestServer();
    expect(await createVendorSender(plainChannel(server.port), vendorDeps()).send(normalPage, neverAborted())).toEqual({
      outcome: 'delivered',
    });
    const headers = server.received[0]?.headers ?? '';
    expect(headers).toMatch(/^Subject: /m);
    expect(headers).not.toMatch(/^(X-Priority|X-MSMail-Priority|Importance):/im);
  });

  it("prints nothing to the console: nodemailer's own log would quote the addresses", async () => {
    const printed: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args));
    server = await startSmtpTestServer({ rcptReplies: new Map([[duty, 450]]) });
    const sender = createVendorSender(plainChannel(server.port), vendorDeps());
    expect(await sender.send(normalPage, neverAborted())).toMatchObject({ outcome: 'retry' });
    expect(await sender.send(normalPage, neverAborted())).toEqual({ outcome: 'delivered' });
    vi.restoreAllMocks();
    expect(printed).toEqual([]);
  });
});
