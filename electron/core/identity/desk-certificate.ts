/**
 * The desk receiver's self-signed TLS certificate, made once on first start.
 * Kiosks do not trust it through a CA: they pin its fingerprint at pairing.
 * Built with @peculiar/x509 over node:crypto's WebCrypto (ECDSA P-256), so no
 * ASN.1 is written by hand here.
 */
import { webcrypto } from 'node:crypto';

/** Loaded on first use: only a desk's first start makes a certificate, and the library is large. */
async function x509Library() {
  const x509 = await import('@peculiar/x509');
  // node:crypto's WebCrypto is the standard one; the library's type is the DOM's `Crypto`.
  x509.cryptoProvider.set(webcrypto as never);
  return x509;
}

const validityYears = 20;

function toPem(label: string, der: ArrayBuffer): string {
  const body =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/**
 * A new key pair and self-signed certificate for a desk. The subject names
 * the desk id; it is valid for 20 years, because the pin (not a date) is
 * what kiosks trust, and an expired pinned certificate would stop a lobby.
 */
export async function createDeskCertificate(deskId: string, now: Date): Promise<{ certPem: string; keyPem: string }> {
  const x509 = await x509Library();
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + validityYears);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: `CN=lobby-desk-${deskId}`,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey);
  return { certPem: cert.toString('pem') + '\n', keyPem: toPem('PRIVATE KEY', pkcs8) };
}
