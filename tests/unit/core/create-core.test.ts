import { afterEach, describe, expect, it } from 'vitest';
import type { Bootstrap } from '../../../shared/bootstrap.js';
import { createCore, type Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { tempConfig } from '../support/temp-config.js';

const open: Array<{ core: Core; remove: () => Promise<void> }> = [];
afterEach(async () => {
  for (const { core, remove } of open.splice(0)) {
    await core.close();
    await remove();
  }
});

async function start(watchIntervalMs: number | false = false) {
  const config = await tempConfig();
  const sink = memorySink();
  const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('test', sink), watchIntervalMs });
  open.push({ core, remove: config.remove });
  return { core, config, sink };
}

function nextBootstrap(core: Core): Promise<Bootstrap> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((name, payload) => {
      if (name === 'app.bootstrapChanged') {
        stop();
        resolve(payload as Bootstrap);
      }
    });
  });
}

describe('the core', () => {
  it('answers getBootstrap from the loaded configuration', async () => {
    const { core } = await start();
    expect(await core.handlers['app.getBootstrap']({})).toMatchObject({ state: 'ready', role: 'kiosk', deviceId: 'K1' });
  });

  it('an invalid file at start gives out-of-service and logs the exact problem, without throwing', async () => {
    const config = await tempConfig();
    await config.edit(config.paths.deviceConfig, (json) => ({ ...json, role: 'lobby' }));
    const sink = memorySink();
    const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('test', sink), watchIntervalMs: false });
    open.push({ core, remove: config.remove });
    expect(core.bootstrap().state).toBe('out-of-service');
    const messages = sink.entries.map((e) => e.message);
    expect(messages).toContain('configuration is invalid; showing the out-of-service screen');
    expect(messages.some((m) => m.startsWith('role: '))).toBe(true);
    expect(sink.entries.find((e) => e.message.startsWith('role: '))?.fields?.file).toBe(config.paths.deviceConfig);
  });

  it('recovers by itself when an administrator fixes the file, and tells the renderer', async () => {
    const config = await tempConfig();
    const original = await import('node:fs/promises').then((fs) => fs.readFile(config.paths.deviceConfig, 'utf8'));
    await config.write(config.paths.deviceConfig, '{ broken');
    const core = await createCore({
      paths: config.paths,
      ...config.storage,
      logger: createLogger('test', memorySink()),
      watchIntervalMs: 20,
    });
    open.push({ core, remove: config.remove });
    expect(core.bootstrap().state).toBe('out-of-service');

    const changed = nextBootstrap(core);
    await config.write(config.paths.deviceConfig, original);
    expect(await changed).toMatchObject({ state: 'ready', role: 'kiosk' });
    expect(core.bootstrap().state).toBe('ready');
  });

  it('reload without a change emits nothing', async () => {
    const { core } = await start();
    let events = 0;
    core.events.subscribe(() => (events += 1));
    await core.reload();
    expect(events).toBe(0);
  });

  it('a renderer error is logged with its place and class only', async () => {
    const { core, sink } = await start();
    await core.handlers['app.reportRendererError']({ where: 'welcome', kind: 'TypeError' });
    expect(sink.entries.at(-1)).toMatchObject({ area: 'test.renderer', level: 'error', fields: { where: 'welcome', kind: 'TypeError' } });
  });
});
