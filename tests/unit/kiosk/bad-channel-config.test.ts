import { afterEach, describe, expect, it } from 'vitest';
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

describe('a bad channel in the device config', () => {
  it('puts the kiosk out of service, names the field, never logs the secret, and refuses requests', async () => {
    const config = await tempConfig();
    const leaked = 'whsec_short';
    await config.edit(config.paths.deviceConfig, (json) => {
      const delivery = json.delivery as { channels: Array<Record<string, unknown>> };
      delivery.channels[0] = { id: 'front-desk', type: 'desk', url: 'http://127.0.0.1:4790/lobby/v1', secret: leaked };
      return json;
    });
    const sink = memorySink();
    const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('test', sink), watchIntervalMs: false });
    open.push({ core, remove: config.remove });

    expect(core.bootstrap().state).toBe('out-of-service');
    expect(sink.entries.some((e) => e.message.startsWith('delivery.channels.0.secret'))).toBe(true);
    expect(JSON.stringify(sink.entries)).not.toContain(leaked);
    const submit = async () => core.handlers['request.submit']({ kind: 'help-self', turningIn: false, dangerNow: false, language: 'en' });
    await expect(submit()).rejects.toThrow(/not a working kiosk/);
  });

  it.each([
    [
      'a desk channel',
      {
        id: 'front-desk',
        type: 'desk',
        url: 'http://192.168.1.20:4790/lobby/v1',
        secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
      },
      'must use https://',
    ],
    [
      'a webhook carrying the first name',
      {
        id: 'cad',
        type: 'webhook',
        url: 'http://cad.example.org/hook',
        secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
        personalData: true,
      },
      'must use https://',
    ],
  ])('refuses plain http:// beyond this computer for %s, naming the field', async (_what, channel, sentence) => {
    const config = await tempConfig();
    await config.edit(config.paths.deviceConfig, (json) => {
      (json.delivery as { channels: unknown[] }).channels = [channel];
      return json;
    });
    const sink = memorySink();
    const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('test', sink), watchIntervalMs: false });
    open.push({ core, remove: config.remove });
    expect(core.bootstrap().state).toBe('out-of-service');
    expect(sink.entries.some((e) => e.message.startsWith('delivery.channels.0.url') && e.message.includes(sentence))).toBe(true);
  });

  it('accepts plain http:// for a webhook without personal data and for anything on this computer', async () => {
    const config = await tempConfig();
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    await config.edit(config.paths.deviceConfig, (json) => {
      (json.delivery as { channels: unknown[] }).channels = [
        { id: 'cad', type: 'webhook', url: 'http://cad.example.org/hook', secret },
        { id: 'front-desk', type: 'desk', url: 'http://127.0.0.1:4790/lobby/v1', secret },
      ];
      return json;
    });
    const core = await createCore({
      paths: config.paths,
      ...config.storage,
      logger: createLogger('test', memorySink()),
      watchIntervalMs: false,
    });
    open.push({ core, remove: config.remove });
    expect(core.bootstrap().state).toBe('ready');
  });
});
