import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDeviceIdentity, protectionOf } from '../../../electron/core/identity/device-identity.js';
import { credentialName, fallbackDataKey, keyFileEnv } from '../../../electron/core/identity/key-fallback.js';
import { signText, verifyText } from '../../../electron/core/identity/signing-key.js';
import { confStores, createKeyCipher } from '../../../electron/core/node-platform.js';
import { groupFingerprint } from '../../../shared/trust.js';
import { testLogger } from '../electron/test-logger.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-identity-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cipher = createKeyCipher(Buffer.alloc(32, 3));
const load = (role: 'kiosk' | 'desk', deviceId: string, options: { sealWith?: typeof cipher | undefined } = {}) =>
  loadDeviceIdentity({
    role,
    deviceId,
    openStore: confStores(dir),
    cipher: 'sealWith' in options ? options.sealWith : cipher,
    now: Date.now,
    logger: testLogger().logger,
  });

describe('a device identity', () => {
  it('is made once for a desk, with a TLS certificate for its receiver, and is the same after a restart', async () => {
    const first = await load('desk', 'D1');
    expect(first.tls?.certPem).toContain('BEGIN CERTIFICATE');
    const cert = new X509Certificate(first.tls!.certPem);
    expect(cert.subject).toContain('lobby-desk-D1');
    expect(cert.checkPrivateKey(await import('node:crypto').then((c) => c.createPrivateKey(first.tls!.keyPem)))).toBe(true);

    const again = await load('desk', 'D1');
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(again.tls?.fingerprint).toBe(first.tls?.fingerprint);
    const signature = signText(again.signing, 'hello');
    expect(verifyText(first.signing.publicKey, 'hello', signature)).toBe(true);
    expect(verifyText(first.signing.publicKey, 'hello!', signature)).toBe(false);
  });

  it('never writes a private key in the clear', async () => {
    const identity = await load('desk', 'D1');
    const onDisk = await readFile(path.join(dir, 'device-identity.json'), 'utf8');
    expect(onDisk).not.toContain('PRIVATE KEY');
    expect(onDisk).not.toContain(identity.tls!.keyPem.split('\n')[1]);
  });

  it('gives a kiosk a signing key but no certificate', async () => {
    const kiosk = await load('kiosk', 'K1');
    expect(kiosk.tls).toBeUndefined();
    expect(kiosk.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is new for a different device id, because old pairings named another device', async () => {
    const first = await load('kiosk', 'K1');
    expect((await load('kiosk', 'K2')).fingerprint).not.toBe(first.fingerprint);
  });

  it('lives in memory only when nothing can seal it, and writes nothing', async () => {
    const first = await load('kiosk', 'K1', { sealWith: undefined });
    const second = await load('kiosk', 'K1', { sealWith: undefined });
    expect(second.fingerprint).not.toBe(first.fingerprint);
    await expect(readFile(path.join(dir, 'device-identity.json'))).rejects.toThrow();
    expect(protectionOf(undefined)).toBe('memory-only');
  });

  it('shows fingerprints in groups of four', () => {
    expect(groupFingerprint('ab12cd34ef56')).toBe('AB12 CD34 EF56');
  });
});

describe('the data key where no keyring can seal', () => {
  const key = Buffer.alloc(32, 5).toString('base64');

  it('comes from a systemd credential first', async () => {
    await writeFile(path.join(dir, credentialName), key);
    const { logger, entries } = testLogger();
    expect(fallbackDataKey({ CREDENTIALS_DIRECTORY: dir }, logger).kind).toBe('systemd-credential');
    expect(entries[0]?.fields).toEqual({ kind: 'systemd-credential' });
  });

  it('then from a key file only this account can read', async () => {
    const file = path.join(dir, 'data.key');
    await writeFile(file, key, { mode: 0o600 });
    await chmod(file, 0o600);
    expect(fallbackDataKey({ [keyFileEnv]: file }, testLogger().logger).kind).toBe('key-file');
  });

  it('refuses a key file others can read, and says so', async () => {
    const file = path.join(dir, 'data.key');
    await writeFile(file, key);
    await chmod(file, 0o644);
    const { logger, entries } = testLogger();
    expect(fallbackDataKey({ [keyFileEnv]: file }, logger).kind).toBe('memory-only');
    expect(entries.map((e) => e.level)).toEqual(['error', 'warn']);
  });

  it('falls back to memory only, never silently', () => {
    const { logger, entries } = testLogger();
    expect(fallbackDataKey({}, logger)).toEqual({ kind: 'memory-only' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.level).toBe('warn');
  });
});
