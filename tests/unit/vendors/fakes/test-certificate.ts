/**
 * A throwaway self-signed certificate for 127.0.0.1, made at test time with
 * the `openssl` command (Node can make keys but not X.509 certificates, and
 * the certificate bundled with smtp-server has expired). Undefined where
 * openssl is missing, so the TLS tests can say why they are skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type TestCertificate = { key: string; cert: string; certFile: string; dir: string };

export function makeTestCertificate(): TestCertificate | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'lobby-smtp-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return undefined;
  }
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile, dir };
}
