import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdminSessionState } from '../../../shared/admin.js';
import { callNames, type CallName } from '../../../shared/contract.js';
import { auditFileName, readAuditLog } from '../../../electron/core/admin/audit-log.js';
import { needsAdminSession } from '../../../electron/core/admin/admin-gate.js';
import { tempConfig } from '../support/temp-config.js';
import { removeLater, startAdminCore } from './admin-core.js';

const start = startAdminCore;

/** A valid input for each gated call, so a refusal cannot be a schema error. */
const validInputs: Partial<Record<CallName, unknown>> = {
  'admin.outOfService.set': { on: true },
  'admin.pairing.pairWithDesk': { address: '192.168.1.20:4790', code: '12345678' },
  'admin.pairing.confirm': { sessionId: 'a'.repeat(16), same: true },
  'admin.pairing.unpair': { role: 'kiosk', id: 'K1' },
};

describe('the admin gate in the core', () => {
  it('refuses every admin.* call without a session, except those that open one, and logs only the call name', async () => {
    const { call, sink } = await start();
    const gated = callNames.filter(needsAdminSession);
    expect(gated).toEqual(
      expect.arrayContaining([
        'admin.overview',
        'admin.testPage',
        'admin.outOfService.set',
        'admin.log.recent',
        'admin.session.touch',
        'admin.session.end',
        'admin.pairing.createCode',
        'admin.pairing.pairWithDesk',
        'admin.pairing.unpair',
      ]),
    );
    for (const name of gated) {
      const result = await call(name, validInputs[name] ?? {});
      expect(result, name).toEqual({ ok: false, error: { code: 'refused', message: 'The admin screen is locked. Enter the PIN.' } });
    }
    const refusals = sink.entries.filter((e) => e.message === 'admin call refused: no admin session');
    expect(refusals.map((e) => e.fields?.call)).toEqual(gated);
    expect(refusals.every((e) => Object.keys(e.fields ?? {}).join() === 'call')).toBe(true);
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: false, firstUse: 'open' } });
  });

  it('gates by name, so an admin call added by another feature is refused too', async () => {
    const { core } = await start();
    expect(needsAdminSession('admin.pairing.createCode')).toBe(true);
    expect(needsAdminSession('admin.session.unlock')).toBe(false);
    expect(needsAdminSession('desk.getState')).toBe(false);
    await expect(Promise.resolve().then(() => core.handlers['admin.overview']({}))).rejects.toThrow('locked');
  });

  it('opens with the PIN set on first use, and lets the calls through', async () => {
    const { call } = await start();
    const opened = await call('admin.session.createPin', { pin: '48291375' });
    expect(opened).toMatchObject({ ok: true, value: { active: true, pinSet: true, expiresInSeconds: 120 } });
    const overview = await call('admin.overview');
    expect(overview).toMatchObject({ ok: true, value: { role: 'kiosk', deviceId: 'K1', configProblems: [], outOfService: false } });
    expect(await call('admin.session.createPin', { pin: '11111111' })).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('ends the session after 2 minutes without a touch, and a touch extends it', async () => {
    const { call, clock, events } = await start();
    await call('admin.session.createPin', { pin: '48291375' });
    clock.now += 100_000;
    expect(await call('admin.session.touch')).toMatchObject({ ok: true, value: { active: true, expiresInSeconds: 120 } });
    clock.now += 119_000;
    expect(await call('admin.log.recent')).toMatchObject({ ok: true });
    clock.now += 120_000;
    expect(await call('admin.overview')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call('admin.session.state')).toEqual({ ok: true, value: { active: false, pinSet: true } });
    const ended = events.filter((e) => e.name === 'admin.sessionChanged').map((e) => e.payload as AdminSessionState);
    expect(ended).toEqual([{ active: false, pinSet: true }]);
  });

  it('writes every admin action to the audit log as JSON lines, without the PIN', async () => {
    const { call, dataDir, clock, core } = await start();
    await call('admin.session.createPin', { pin: '48291375' });
    await call('admin.outOfService.set', { on: true });
    await call('admin.outOfService.set', { on: false });
    await call('admin.session.end');
    await call('admin.session.unlock', { pin: '000000' });
    await call('admin.session.unlock', { pin: '48291375' });
    clock.now += 121_000;
    await call('admin.session.state');
    await core.close();
    const file = path.join(dataDir, auditFileName);
    const lines = await readAuditLog(file);
    expect(lines.map((l) => l.action)).toEqual([
      'pin.created',
      'session.opened',
      'out-of-service.on',
      'out-of-service.off',
      'session.ended',
      'session.refused',
      'session.opened',
      'session.expired',
    ]);
    expect(lines.every((l) => !Number.isNaN(Date.parse(l.at)))).toBe(true);
    expect(await readFile(file, 'utf8')).not.toContain('48291375');
  });

  it('switches the kiosk out of service and back, and the switch survives a restart', async () => {
    const first = await start();
    await first.call('admin.session.createPin', { pin: '48291375' });
    await first.call('admin.outOfService.set', { on: true });
    expect(first.core.bootstrap()).toMatchObject({ state: 'out-of-service', role: 'kiosk', reason: 'switched-off' });
    expect(first.events.some((e) => e.name === 'app.bootstrapChanged' && (e.payload as { state: string }).state === 'out-of-service')).toBe(
      true,
    );
    await first.core.close();

    const second = await start(first.config);
    expect(second.core.bootstrap()).toMatchObject({ state: 'out-of-service', reason: 'switched-off' });
    // The admin screen still opens from the out-of-service screen, with the PIN set before the restart.
    expect(await second.call('admin.session.unlock', { pin: '48291375' })).toMatchObject({ ok: true });
    await second.call('admin.outOfService.set', { on: false });
    expect(second.core.bootstrap()).toMatchObject({ state: 'ready', role: 'kiosk' });
  });

  it('shows configuration problems naming file and field', async () => {
    const config = await tempConfig(undefined, { adminPin: false });
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, kiosk: { id: 'k 1', location: 'Lobby' } }));
    const { call } = await start(config);
    removeLater(config);
    await call('admin.session.createPin', { pin: '48291375' });
    const overview = await call('admin.overview');
    expect(overview).toMatchObject({ ok: true, value: { configProblems: [{ file: config.paths.deviceConfig, field: 'kiosk.id' }] } });
  });

  it('keeps the last 200 log lines for the admin screen', async () => {
    const { call, core } = await start();
    await call('admin.session.createPin', { pin: '48291375' });
    for (let i = 0; i < 250; i += 1) core.handlers['app.reportRendererError']({ where: 'test', kind: 'TypeError' });
    const recent = await call('admin.log.recent');
    if (!recent.ok) throw new Error('refused');
    const lines = recent.value as Array<{ message: string }>;
    expect(lines).toHaveLength(200);
    expect(lines.at(-1)).toMatchObject({ message: 'renderer error' });
  });
});
