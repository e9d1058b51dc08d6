/**
 * A new admin PIN has 8 to 12 digits: the scrypt hash of a short one, copied
 * from a stolen kiosk.json, falls to offline guessing (docs/security.md). A PIN
 * set before this rule still opens the admin screen, which then says it is
 * short; nothing about the PIN or its length is logged.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFileName } from '../../../electron/core/admin/audit-log.js';
import { hashPin, verifyPin } from '../../../electron/core/admin/pin-hash.js';
import { newPinSchema } from '../../../shared/admin.js';
import { repoRoot, tempConfig } from '../support/temp-config.js';
import { cheap, removeLater, startAdminCore } from './admin-core.js';

/** A kiosk whose device config holds the hash of `pin`, as an older config may. */
async function kioskWithConfiguredPin(pin: string) {
  const config = await tempConfig(undefined, { adminPin: false });
  removeLater(config);
  const pinHash = await hashPin(pin, cheap);
  await config.edit(config.paths.deviceConfig, (json) => ({ ...json, admin: { pinHash } }));
  return startAdminCore(config);
}

describe('a new PIN needs 8 to 12 digits', () => {
  it('first use refuses a PIN of 4 to 7 digits with a plain message, and sets none', async () => {
    const { call } = await startAdminCore();
    for (const pin of ['4829', '4829137']) {
      const answer = await call('admin.session.createPin', { pin });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(JSON.stringify(answer)).toContain('use 8 to 12 digits: a shorter PIN can be guessed from a copy of the config file');
    }
    expect(await call('admin.session.state')).toMatchObject({ ok: true, value: { pinSet: false, firstUse: 'open' } });
    expect(await call('admin.session.createPin', { pin: '48291375' })).toMatchObject({ ok: true, value: { active: true, pinSet: true } });
  });

  it('the core refuses a short new PIN itself, whoever calls it past the contract', async () => {
    const { core, call } = await startAdminCore();
    await expect(core.handlers['admin.session.createPin']({ pin: '482913' })).rejects.toThrow(/too short: use 8 to 12 digits/);
    expect(await call('admin.session.state')).toMatchObject({ ok: true, value: { pinSet: false } });
  });

  it('12 digits is the most', () => {
    expect(newPinSchema.safeParse('482913754821').success).toBe(true);
    expect(newPinSchema.safeParse('4829137548213').success).toBe(false);
    expect(newPinSchema.safeParse('4829 1375').success).toBe(false);
  });
});

describe('a PIN set before 8 digits were required', () => {
  it('still opens the admin screen, and the session says it is short until it ends; nothing logs the PIN or its length', async () => {
    const { call, sink, dataDir, core } = await kioskWithConfiguredPin('482913');
    expect(await call('admin.session.unlock', { pin: '482913' })).toMatchObject({ ok: true, value: { active: true, shortPin: true } });
    expect(await call('admin.session.touch')).toMatchObject({ ok: true, value: { active: true, shortPin: true } });
    const ended = await call('admin.session.end');
    expect(ended).toMatchObject({ ok: true, value: { active: false } });
    expect(ended.ok && ended.value).not.toHaveProperty('shortPin');
    await core.close();
    const written = JSON.stringify(sink.entries) + (await readFile(path.join(dataDir, auditFileName), 'utf8'));
    expect(written).not.toContain('482913');
    expect(written).not.toMatch(/short|length|digits/i);
  });

  it('a PIN of 8 digits or more opens a session that says nothing about length', async () => {
    const { call } = await kioskWithConfiguredPin('48291375');
    const opened = await call('admin.session.unlock', { pin: '48291375' });
    expect(opened).toMatchObject({ ok: true, value: { active: true } });
    expect(opened.ok && opened.value).not.toHaveProperty('shortPin');
  });
});

const pinHashJs = path.join(repoRoot, 'dist-electron', 'pin-hash.js');

function runPinHash(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [pinHashJs], { cwd: repoRoot, env: { PATH: process.env.PATH } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe.skipIf(!existsSync(pinHashJs))('npm run pin-hash (the built CLI; needs npm run build)', () => {
  it('refuses a PIN shorter than 8 digits with a plain message and prints no hash', async () => {
    const { code, stdout, stderr } = await runPinHash('482913\n');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('No hash was made: use 8 to 12 digits: a shorter PIN can be guessed from a copy of the config file.\n');
  }, 30_000);

  it('prints the hash of a PIN of 8 digits, which verifies that PIN', async () => {
    const { code, stdout } = await runPinHash('48291375\n');
    expect(code).toBe(0);
    expect(await verifyPin('48291375', stdout.trim())).toBe(true);
  }, 30_000);
});
