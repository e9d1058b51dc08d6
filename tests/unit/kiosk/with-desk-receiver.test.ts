import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agencyProfileSchema, deviceConfigSchema, type DeskDeviceConfig } from '../../../shared/config.js';
import { createDeskService } from '../../../electron/core/desk/desk-service.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { resourcesDir, testStorage } from '../support/temp-config.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function startDesk() {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-desk-'));
  const device = deviceConfigSchema.parse({
    schemaVersion: 1,
    role: 'desk',
    desk: { id: 'D1', name: 'Front desk' },
    receiver: { host: '127.0.0.1', port: 0, secrets: [testSecret] },
  }) as DeskDeviceConfig;
  const profile = agencyProfileSchema.parse(JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')));
  const desk = await createDeskService({ device, profile, logger: createLogger('desk', memorySink()), ...testStorage(dir), emit: () => {} });
  cleanup.push(async () => {
    await desk.close();
    await rm(dir, { recursive: true, force: true });
  });
  const url = (await desk.handlers['desk.getState']({})).receiver.url;
  if (!url) throw new Error('the desk receiver is not listening');
  return { desk, url };
}

describe('the kiosk against the real desk receiver', () => {
  it('delivers, hears the officer\'s acknowledgement and the closure', async () => {
    const { desk, url } = await startDesk();
    const kiosk = await startKiosk(kioskConfig({ channels: [deskChannel(url)] }));
    cleanup.push(() => kiosk.close());

    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    const onDesk = (await desk.handlers['desk.getState']({})).requests.find((r) => r.id === id);
    expect(onDesk).toMatchObject({ firstName: 'Maya', kiosk: { id: 'K1' } });

    await desk.handlers['desk.acknowledge']({ id, messageKey: 'wait-5-minutes' });
    const acknowledged = await kiosk.waitForView(id, (v) => v.phase === 'acknowledged');
    expect(acknowledged.acknowledgement).toMatchObject({ messageKey: 'wait-5-minutes', deskId: 'D1' });

    await desk.handlers['desk.close']({ id, outcome: 'referred' });
    await kiosk.waitForView(id, (v) => v.phase === 'closed');
    const health = (await desk.handlers['desk.getState']({})).kiosks.find((k) => k.kioskId === 'K1');
    expect(health).toMatchObject({ online: true });
  });
});
