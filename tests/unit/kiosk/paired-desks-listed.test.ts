/**
 * A kiosk's paired desks are channels too: each desk paired with an address
 * is paged and listed for the admin beside the configured channels, under
 * its own id and host; a desk the kiosk knows without an address is neither.
 * The trust is the real one (openDeviceTrust on the test's own storage).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskService } from '../../../electron/core/kiosk/kiosk-service.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { openDeviceTrust } from '../../../electron/core/pairing/device-trust.js';
import { agencyProfileSchema } from '../../../shared/config.js';
import { repoRoot, resourcesDir, testStorage } from '../support/temp-config.js';
import { kioskConfig, testSecret } from './support/kiosk-harness.js';

const dirs: string[] = [];
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('paired desks on the admin screen', () => {
  it('lists each desk paired with an address after the configured channels, and not a desk known without one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lobby-paired-'));
    dirs.push(dir);
    const { dataDir, platform } = testStorage(dir);
    const logger = createLogger('test', memorySink());
    const trust = await openDeviceTrust({ role: 'kiosk', deviceId: 'K1', label: 'Lobby', platform, logger, changed: () => undefined });
    closers.push(() => trust.close());
    const certPem = await readFile(path.join(repoRoot, 'tests/unit/delivery/support/tls/test-cert.pem'), 'utf8');
    const pairedAt = new Date().toISOString();
    trust.store.saveDesk({
      deskId: 'D7',
      name: 'Back office',
      publicKey: 'unused-here',
      pairedAt,
      link: { url: 'https://192.0.2.7:4790/lobby/v1', certPem, certFingerprint: 'ab'.repeat(32), secret: testSecret },
    });
    trust.store.saveDesk({ deskId: 'D8', name: 'Other desk', publicKey: 'unused-here', pairedAt });

    const profile = agencyProfileSchema.parse(
      JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
    );
    const device = kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/hook', secret: testSecret }] });
    const service = await startKioskService({ device, profile, logger, dataDir, platform, emit: () => undefined, trust });
    closers.push(() => service.close());

    expect(service.admin?.channels()).toEqual([
      { id: 'hook', type: 'webhook', use: 'page', host: '127.0.0.1:9', failedDeliveries: 0 },
      { id: 'desk-d7', type: 'desk', use: 'page', host: '192.0.2.7:4790', failedDeliveries: 0 },
    ]);
  });
});
