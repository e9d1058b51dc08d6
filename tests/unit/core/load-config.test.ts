import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toBootstrap } from '../../../electron/core/bootstrap.js';
import { loadConfig } from '../../../electron/core/config/load-config.js';
import { resourcesDir, tempConfig } from '../support/temp-config.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
async function setup(deviceFile?: string) {
  const config = await tempConfig(deviceFile);
  cleanups.push(config.remove);
  return config;
}

describe('loading configuration', () => {
  it('the shipped kiosk config and Safe Passage profile are valid', async () => {
    const result = await loadConfig({
      deviceConfig: path.join(resourcesDir, 'config/kiosk.json'),
      agencyProfile: path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'),
      localesDir: path.join(resourcesDir, 'locales'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.device.role).toBe('kiosk');
    expect(result.profile.program.name).toBe('Safe Passage');
    expect(result.languages.map((l) => l.code)).toEqual(['en', 'es', 'ar', 'vi']);
  });

  it('the shipped desk config is valid', async () => {
    const { paths } = await setup('config/desk.json');
    const result = await loadConfig(paths);
    expect(result.ok && result.device.role).toBe('desk');
  });

  it('a missing file is a problem naming the file, not a crash', async () => {
    const { paths } = await setup();
    const result = await loadConfig({ ...paths, deviceConfig: path.join(path.dirname(paths.deviceConfig), 'nope.json') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ file: expect.stringContaining('nope.json'), message: 'file not found' }]);
  });

  it('a file that is not JSON says so', async () => {
    const config = await setup();
    await config.write(config.paths.deviceConfig, '{ "role": "kiosk", ');
    const result = await loadConfig(config.paths);
    expect(!result.ok && result.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('a wrong field is named exactly', async () => {
    const config = await setup();
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, kiosk: { id: 'lobby one', location: 'Lobby' } }));
    const result = await loadConfig(config.paths);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: config.paths.deviceConfig, message: 'kiosk.id: use capital letters, digits and dashes, such as "K1"' },
    ]);
  });

  it('an unknown key is an error, so a typo never becomes a silent default', async () => {
    const config = await setup();
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, kioskk: {} }));
    const result = await loadConfig(config.paths);
    expect(!result.ok && result.problems.map((p) => p.message).join()).toMatch(/kioskk/);
  });

  it('a language with no translations is named', async () => {
    const config = await setup();
    await config.edit(config.paths.agencyProfile, (json) => ({ ...json, languages: { enabled: ['en', 'so'], default: 'en' } }));
    const result = await loadConfig(config.paths);
    expect(!result.ok && result.problems[0]?.message).toMatch(/languages.enabled: "so" has no translations/);
  });

  it('a default language that is not enabled is named', async () => {
    const config = await setup();
    await config.edit(config.paths.agencyProfile, (json) => ({ ...json, languages: { enabled: ['en'], default: 'es' } }));
    const result = await loadConfig(config.paths);
    expect(!result.ok && result.problems[0]?.message).toBe('languages.default: default must be one of the enabled languages');
  });

  it("the profile's logo file, beside the profile, reaches the screen as a data URL", async () => {
    const config = await setup();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    await config.write(path.join(config.dir, 'badge.svg'), svg);
    await config.edit(config.paths.agencyProfile, (json) => ({ ...json, agency: { ...(json.agency as object), logo: 'badge.svg' } }));
    const result = await loadConfig(config.paths);
    expect(result.ok && result.profile.agency.logoDataUrl).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
  });

  it('a logo file that is missing or too large is a problem naming the profile and the file', async () => {
    const config = await setup();
    await config.edit(config.paths.agencyProfile, (json) => ({ ...json, agency: { ...(json.agency as object), logo: 'badge.png' } }));
    const missing = await loadConfig(config.paths);
    expect(!missing.ok && missing.problems).toEqual([
      expect.objectContaining({
        file: config.paths.agencyProfile,
        message: expect.stringMatching(/^agency.logo: cannot read "badge.png"/),
      }),
    ]);
    await config.write(path.join(config.dir, 'badge.png'), 'x'.repeat(200_001));
    const large = await loadConfig(config.paths);
    expect(!large.ok && large.problems[0]?.message).toMatch(/agency.logo: "badge.png" is 200001 bytes/);
  });

  it('a byte-order mark, as Windows Notepad writes, is accepted', async () => {
    const config = await setup();
    const { readFile } = await import('node:fs/promises');
    await config.write(config.paths.deviceConfig, `\uFEFF${await readFile(config.paths.deviceConfig, 'utf8')}`);
    expect((await loadConfig(config.paths)).ok).toBe(true);
  });
});

describe('what the renderer is told', () => {
  it('a bad device config with a good profile is out of service but keeps the department phone numbers', async () => {
    const config = await setup();
    await config.write(config.paths.deviceConfig, '[]');
    const bootstrap = toBootstrap(await loadConfig(config.paths));
    expect(bootstrap).toMatchObject({ state: 'out-of-service', role: 'unknown', phones: { nonEmergency: '(816) 969-7390' } });
  });

  it('the out-of-service bootstrap carries no file paths or field names', async () => {
    const config = await setup();
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, kiosk: { id: '', location: '' } }));
    const text = JSON.stringify(toBootstrap(await loadConfig(config.paths)));
    expect(text).not.toContain(config.dir);
    expect(text).not.toContain('kiosk.id');
  });

  it('a kiosk is described by its id and location', async () => {
    const { paths } = await setup();
    expect(toBootstrap(await loadConfig(paths))).toMatchObject({
      state: 'ready',
      role: 'kiosk',
      deviceId: 'K1',
      placeName: 'Lobby kiosk 1',
      idle: { warnAfterSeconds: 60, countdownSeconds: 20, answeredStaySeconds: 180 },
    });
  });
});
