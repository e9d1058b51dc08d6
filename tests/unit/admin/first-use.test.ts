/**
 * First use of the admin PIN on a public kiosk (electron/core/admin/first-use.ts):
 * a kiosk without a PIN never serves the public, the PIN may be chosen on its
 * screen only in the first hour after its first start, and never again once
 * it has had one. The desk, behind the counter, may always choose its first PIN.
 */
import { describe, expect, it } from 'vitest';
import type { ReadyBootstrap } from '../../../shared/bootstrap.js';
import { firstUseWindowMs } from '../../../electron/core/admin/first-use.js';
import { hashPin } from '../../../electron/core/admin/pin-hash.js';
import { auditFileName, readAuditLog } from '../../../electron/core/admin/audit-log.js';
import { tempConfig } from '../support/temp-config.js';
import { cheap, removeLater, startAdminCore } from './admin-core.js';
import path from 'node:path';

const refused = { ok: false, error: { code: 'refused' } };

describe('first use of the admin PIN', () => {
  it('a fresh kiosk shows the public that it is not set up, until the PIN is chosen; then it serves the public', async () => {
    const { core, call, events } = await startAdminCore();
    expect(core.bootstrap()).toMatchObject({ state: 'ready', role: 'kiosk', notSetUp: true });
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: false, firstUse: 'open' } });

    expect(await call('admin.session.createPin', { pin: '48291375' })).toMatchObject({ ok: true, value: { active: true, pinSet: true } });
    expect(core.bootstrap()).toMatchObject({ state: 'ready', role: 'kiosk' });
    expect((core.bootstrap() as ReadyBootstrap).notSetUp).toBeUndefined();
    // The screen is told at once: the welcome with its way in replaces the "not set up" one.
    const changed = events.filter((e) => e.name === 'app.bootstrapChanged').map((e) => e.payload as ReadyBootstrap);
    expect(changed.at(-1)?.notSetUp).toBeUndefined();
    expect(changed).toHaveLength(1);
  });

  it('ends an hour after the first start, and starting the kiosk again does not open it again', async () => {
    const clock = { now: Date.parse('2026-11-20T15:00:00Z') };
    const config = await tempConfig(undefined, { adminPin: false });
    removeLater(config);
    const first = await startAdminCore(config, clock);
    clock.now += firstUseWindowMs - 1000;
    await first.core.close();

    // Restarted a second before the hour is up: still open, counted from the first start.
    const second = await startAdminCore(config, clock);
    expect(await second.call('admin.session.state')).toMatchObject({ ok: true, value: { firstUse: 'open' } });
    clock.now += 1000;
    expect(await second.call('admin.session.state')).toMatchObject({ ok: true, value: { pinSet: false, firstUse: 'time-passed' } });
    expect(await second.call('admin.session.createPin', { pin: '48291375' })).toMatchObject(refused);
    expect(second.sink.entries.some((e) => e.message.includes('first use is over') && e.fields?.reason === 'time-passed')).toBe(true);
    await second.core.close();

    const third = await startAdminCore(config, clock);
    expect(await third.call('admin.session.createPin', { pin: '48291375' })).toMatchObject(refused);
    // Still not serving the public: a kiosk with no PIN never does.
    expect(third.core.bootstrap()).toMatchObject({ state: 'ready', notSetUp: true });
    await third.core.close();
    const audit = await readAuditLog(path.join(third.dataDir, auditFileName));
    expect(audit.map((line) => [line.action, line.detail])).toEqual([
      ['pin.refused', { reason: 'time-passed' }],
      ['pin.refused', { reason: 'time-passed' }],
    ]);
  });

  it('a PIN set in the device config ends first use for good: with the PIN gone from the config, the kiosk leaves the public and the screen cannot choose one', async () => {
    const config = await tempConfig(undefined, { adminPin: false });
    removeLater(config);
    const pinHash = await hashPin('135790', cheap);
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, admin: { pinHash } }));
    const { core, call } = await startAdminCore(config);
    expect((core.bootstrap() as ReadyBootstrap).notSetUp).toBeUndefined();

    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, admin: undefined }));
    await core.reload();
    expect(core.bootstrap()).toMatchObject({ state: 'ready', notSetUp: true });
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: false, firstUse: 'set-up-before' } });
    expect(await call('admin.session.createPin', { pin: '48291375' })).toMatchObject(refused);
  });

  it('a PIN chosen on first use ends it for good, even if that PIN is lost later', async () => {
    const config = await tempConfig(undefined, { adminPin: false });
    removeLater(config);
    const { core, call } = await startAdminCore(config);
    await call('admin.session.createPin', { pin: '48291375' });
    await call('admin.session.end');
    // A second createPin is refused while the PIN exists, and the state no longer offers first use at all.
    expect(await call('admin.session.createPin', { pin: '11111111' })).toMatchObject(refused);
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: true } });
    await core.close();
  });

  it('the desk, behind the counter, may choose its first PIN at any time, and is never marked "not set up"', async () => {
    const clock = { now: Date.parse('2026-11-20T15:00:00Z') };
    const config = await tempConfig('config/desk.json');
    removeLater(config);
    const { core, call } = await startAdminCore(config, clock);
    expect(core.bootstrap()).toMatchObject({ state: 'ready', role: 'desk' });
    expect((core.bootstrap() as ReadyBootstrap).notSetUp).toBeUndefined();
    clock.now += 30 * firstUseWindowMs;
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: false, firstUse: 'open' } });
    expect(await call('admin.session.createPin', { pin: '48291375' })).toMatchObject({ ok: true, value: { active: true, pinSet: true } });
  });
});
