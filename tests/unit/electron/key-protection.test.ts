import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialName } from '../../../electron/core/identity/key-fallback.js';
import { resolveKeyProtection, sealedKeyFile } from '../../../electron/shell/key-protection.js';
import type * as FakeElectron from './fake-electron.js';
import { testLogger } from './test-logger.js';

vi.mock('electron', () => import('./fake-electron.js'));

const fake = (await import('electron')) as unknown as typeof FakeElectron;
const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!;

let dir: string;
beforeEach(async () => {
  fake.resetFakeElectron();
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-keys-'));
  Object.defineProperty(process, 'platform', { ...realPlatform, value: 'linux' });
});
afterEach(async () => {
  Object.defineProperty(process, 'platform', realPlatform);
  await rm(dir, { recursive: true, force: true });
});

describe('keys at rest in Electron', () => {
  it('seals a random data key with the asynchronous safeStorage API and opens the same key on the next start', async () => {
    const first = await resolveKeyProtection({ dataDir: dir, logger: testLogger().logger, env: {} });
    expect(first.kind).toBe('safeStorage');
    const sealed = first.cipher!.encrypt('a private key');
    const file = path.join(dir, sealedKeyFile);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(fake.safeStorage.asyncCalls).toBeGreaterThan(0);

    const second = await resolveKeyProtection({ dataDir: dir, logger: testLogger().logger, env: {} });
    expect(second.cipher!.decrypt(sealed)).toBe('a private key');
    expect(await readFile(file, 'utf8')).not.toContain('a private key');
  });

  it('on basic_text (cage, no desktop session) uses a systemd credential, and says so', async () => {
    fake.safeStorage.backend = 'basic_text';
    await writeFile(path.join(dir, credentialName), Buffer.alloc(32, 4).toString('base64'));
    const { logger, entries } = testLogger();
    const keys = await resolveKeyProtection({ dataDir: dir, logger, env: { CREDENTIALS_DIRECTORY: dir } });
    expect(keys.kind).toBe('systemd-credential');
    expect(keys.cipher?.kind).toBe('systemd-credential');
    expect(entries.map((e) => e.fields?.reason ?? e.fields?.kind)).toEqual(['basic_text', 'systemd-credential']);
  });

  it('on basic_text with no credential or key file keeps keys in memory only, never silently', async () => {
    fake.safeStorage.backend = 'basic_text';
    const { logger, entries } = testLogger();
    expect(await resolveKeyProtection({ dataDir: dir, logger, env: {} })).toEqual({ kind: 'memory-only', cipher: undefined });
    expect(entries.at(-1)).toMatchObject({ level: 'warn', fields: { kind: 'memory-only' } });
  });

  it('does not wait on a locked keyring: start-up goes on with the fallback after the grace, and the log says why', async () => {
    fake.safeStorage.locked = true;
    const { logger, entries } = testLogger();
    const keys = await resolveKeyProtection({ dataDir: dir, logger, env: {}, graceMs: 30 });
    expect(keys.kind).toBe('memory-only');
    expect(fake.safeStorage.asyncCalls).toBe(1);
    expect(entries.some((e) => e.message.startsWith('the keyring did not answer in time'))).toBe(true);
  });
});
