import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../shared/config.js';
import { openAdminStore } from '../../../electron/core/admin/admin-store.js';
import { hashPin, parsePinHash, verifyPin } from '../../../electron/core/admin/pin-hash.js';
import { createPinLock, firstLockoutMs, freeTries, lockoutAfter, maxLockoutMs } from '../../../electron/core/admin/pin-lock.js';
import { testStorage } from '../support/temp-config.js';

/** A cheap cost so the suite stays fast; the production default is checked once below. */
const cheap = { N: 1024, r: 8, p: 1 };
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function pinLock(options: { dir?: string; configured?: string } = {}) {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'lobby-pin-')));
  if (!options.dir) dirs.push(dir);
  const clock = { now: Date.parse('2026-11-20T15:00:00Z') };
  const { platform } = testStorage(dir, { now: () => clock.now });
  const lock = createPinLock({
    store: openAdminStore(platform),
    configuredHash: () => options.configured,
    now: () => clock.now,
    cost: cheap,
  });
  return { lock, clock, dir };
}

describe('the admin PIN hash', () => {
  it('is scrypt with a random salt and its parameters inside, and verifies only the right PIN', async () => {
    const first = await hashPin('482913', cheap);
    const second = await hashPin('482913', cheap);
    expect(first).toMatch(/^scrypt\$N=1024,r=8,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('482913');
    expect(await verifyPin('482913', first)).toBe(true);
    expect(await verifyPin('482914', first)).toBe(false);
  });

  it('uses N=2^17, r=8, p=1 by default, and the device config accepts the hash it prints', async () => {
    const stored = await hashPin('482913');
    expect(parsePinHash(stored)?.cost).toEqual({ N: 131072, r: 8, p: 1 });
    const device = deviceConfigSchema.safeParse({
      schemaVersion: 1,
      role: 'desk',
      desk: { id: 'D1', name: 'Front desk' },
      receiver: { secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] },
      admin: { pinHash: stored },
    });
    expect(device.success).toBe(true);
  });

  it('refuses a damaged hash instead of throwing, and the config names the field', async () => {
    expect(await verifyPin('1234', 'scrypt$N=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==')).toBe(false);
    const device = deviceConfigSchema.safeParse({
      schemaVersion: 1,
      role: 'desk',
      desk: { id: 'D1', name: 'Front desk' },
      receiver: { secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] },
      admin: { pinHash: '1234' },
    });
    expect(device.success).toBe(false);
    expect(device.error?.issues[0]?.path).toEqual(['admin', 'pinHash']);
  });
});

describe('wrong PINs', () => {
  it('leave 5 tries, then lock for 30 s, 60 s, 2 min ... up to an hour', () => {
    expect([1, 4].map(lockoutAfter)).toEqual([0, 0]);
    expect(lockoutAfter(freeTries)).toBe(firstLockoutMs);
    expect(lockoutAfter(freeTries + 1)).toBe(2 * firstLockoutMs);
    expect(lockoutAfter(freeTries + 2)).toBe(4 * firstLockoutMs);
    expect(lockoutAfter(freeTries + 30)).toBe(maxLockoutMs);
  });

  it('lock the screen after the fifth, refuse even the right PIN while locked, and allow it after the wait', async () => {
    const { lock, clock } = await pinLock();
    await lock.create('482913');
    for (let i = 1; i < freeTries; i += 1) await expect(lock.check('000000')).rejects.toThrow(`${freeTries - i}`);
    await expect(lock.check('000000')).rejects.toThrow('Try again in 30 seconds');
    await expect(lock.check('482913')).rejects.toThrow('Too many wrong PINs');
    clock.now += firstLockoutMs;
    await expect(lock.check('000000')).rejects.toThrow('Try again in 60 seconds');
    clock.now += 2 * firstLockoutMs;
    await expect(lock.check('482913')).resolves.toBeUndefined();
    expect(lock.lockedFor()).toBe(0);
  });

  it('sent all at once are checked one by one, so a burst gets no more than 5 tries', async () => {
    const { lock } = await pinLock();
    await lock.create('482913');
    const burst = Array.from({ length: 12 }, (_, i) => lock.check(i === 11 ? '482913' : String(100000 + i)));
    const answers = await Promise.allSettled(burst);
    const reasons = answers.map((a) => (a.status === 'rejected' ? (a.reason as Error).message : 'opened'));
    expect(reasons.filter((r) => r.startsWith('Wrong PIN'))).toHaveLength(freeTries);
    // Even the right PIN, last in the burst, meets the lockout.
    expect(reasons.at(-1)).toMatch(/^Too many wrong PINs/);
    expect(lock.lockedFor()).toBe(firstLockoutMs);
  });

  it('keep their count and lockout across a restart', async () => {
    const first = await pinLock();
    await first.lock.create('482913');
    for (let i = 0; i < freeTries; i += 1) await first.lock.check('111111').catch(() => undefined);
    const lockedFor = first.lock.lockedFor();
    expect(lockedFor).toBe(firstLockoutMs);

    const restarted = await pinLock({ dir: first.dir });
    restarted.clock.now = first.clock.now;
    expect(restarted.lock.lockedFor()).toBe(lockedFor);
    await expect(restarted.lock.check('482913')).rejects.toThrow('Too many wrong PINs');
    restarted.clock.now += firstLockoutMs;
    // The count carried over too: the next wrong PIN locks for longer, not after 5 fresh tries.
    await expect(restarted.lock.check('111111')).rejects.toThrow('Try again in 60 seconds');
  });
});

describe('setting the PIN', () => {
  it('on first use works only while no PIN exists', async () => {
    const { lock } = await pinLock();
    expect(lock.isSet()).toBe(false);
    await lock.create('482913');
    expect(lock.isSet()).toBe(true);
    await expect(lock.create('999999')).rejects.toThrow('A PIN is already set');
    await expect(lock.check('999999')).rejects.toThrow('Wrong PIN');
  });

  it('from the device config wins, and first use is then refused', async () => {
    const configured = await hashPin('246810', cheap);
    const { lock } = await pinLock({ configured });
    expect(lock.isSet()).toBe(true);
    await expect(lock.create('482913')).rejects.toThrow('A PIN is already set');
    await expect(lock.check('246810')).resolves.toBeUndefined();
  });
});
