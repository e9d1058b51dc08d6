import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { heartbeatSchema } from '../../../shared/backend/messages.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { startScriptedServer } from './support/scripted-server.js';

const track = closeAfterEach();

describe('webhook channels can opt in to heartbeats (contract 1.1)', () => {
  it('a webhook with heartbeatSeconds gets signed kiosk.heartbeat messages at heartbeatUrl; one without gets none', async () => {
    const backend = track(await startScriptedServer());
    const plain = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            {
              id: 'cad',
              type: 'webhook',
              url: `${backend.origin}/requests`,
              heartbeatUrl: `${backend.origin}/beats`,
              heartbeatSeconds: 30,
              secret: testSecret,
            },
            { id: 'plain', type: 'webhook', url: `${plain.origin}/requests`, secret: testSecret },
          ],
        }),
      ),
    );
    const beat = await backend.waitFor((r) => r.path === '/beats');
    expect(() => new Webhook(testSecret).verify(beat.body, beat.headers)).not.toThrow();
    expect(heartbeatSchema.parse(beat.json)).toMatchObject({
      type: 'kiosk.heartbeat',
      version: 1,
      kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
      outboxDepth: 0,
      failedDeliveries: 0,
    });
    expect(Object.keys(beat.json as object).sort()).toEqual(['failedDeliveries', 'kiosk', 'outboxDepth', 'sentAt', 'type', 'version']);

    const { id } = await kiosk.service.handlers['request.submit'](sampleInput({ firstName: 'Maya' }));
    await Promise.all([backend, plain].map((server) => server.waitFor((r) => r.path === '/requests')));
    expect(plain.received.map((r) => r.path)).toEqual(['/requests']);
    expect(beat.body).not.toContain('Maya');
    expect(id).toMatch(/^req_/);
  });

  it('the heartbeat interval is per channel, with a range in the config', () => {
    const channel = { id: 'cad', type: 'webhook', url: 'https://cad.example/hook', secret: testSecret };
    expect(() => kioskConfig({ channels: [{ ...channel, heartbeatSeconds: 4 }] })).toThrow(/heartbeatSeconds/);
    expect(() => kioskConfig({ channels: [{ ...channel, heartbeatSeconds: 3601 }] })).toThrow(/heartbeatSeconds/);
    expect(kioskConfig({ channels: [{ ...channel, heartbeatSeconds: 60 }] }).delivery.channels[0]).toMatchObject({ heartbeatSeconds: 60 });
  });
});
