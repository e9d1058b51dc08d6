/**
 * What the kiosk's service offers the admin screen and the end of a visit:
 * each channel with its host and last real result, a test page from the
 * admin area of the log, and the clipboard wiped when a visit ends.
 */
import { describe, expect, it, vi } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';

const track = closeAfterEach();

describe("the kiosk's admin calls", () => {
  it('list every configured channel with its host and use, and its last real result once there is one', async () => {
    const hook = track(await startScriptedServer());
    const sergeant = track(await startScriptedServer());
    const clock = { at: Date.parse('2026-11-30T10:00:00Z') };
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            { id: 'hook', type: 'webhook', url: `${hook.origin}/requests`, secret: testSecret },
            { id: 'sergeant', type: 'webhook', use: 'escalation', url: `${sergeant.origin}/page`, secret: testSecret },
          ],
        }),
        { platform: { now: () => clock.at } },
      ),
    );
    const admin = kiosk.service.admin!;
    expect(admin.channels()).toEqual([
      { id: 'hook', type: 'webhook', use: 'page', host: new URL(hook.origin).host, failedDeliveries: 0 },
      { id: 'sergeant', type: 'webhook', use: 'escalation', host: new URL(sergeant.origin).host, failedDeliveries: 0 },
    ]);

    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(admin.channels()[0]).toEqual({
      id: 'hook',
      type: 'webhook',
      use: 'page',
      host: new URL(hook.origin).host,
      lastResult: 'delivered',
      lastAt: '2026-11-30T10:00:00.000Z',
      failedDeliveries: 0,
    });
    expect(admin.outboxDepth?.()).toBe(0);
  });

  it('send a test page to the chosen channel only, logged under the admin area', async () => {
    const hook = track(await startScriptedServer());
    const other = track(await startScriptedServer());
    const kiosk = track(
      await startKiosk(
        kioskConfig({
          channels: [
            { id: 'hook', type: 'webhook', url: hook.origin, secret: testSecret },
            { id: 'other', type: 'webhook', url: other.origin, secret: testSecret },
          ],
        }),
      ),
    );
    const results = await kiosk.service.admin!.testPage!('hook');
    expect(results).toEqual([{ channelId: 'hook', type: 'webhook', outcome: 'delivered' }]);
    expect(requestCreatedSchema.parse(hook.received[0]?.json).request).toMatchObject({ test: true, kiosk: { id: 'K1' } });
    expect(other.received).toEqual([]);
    expect(kiosk.log.find((e) => e.message === 'test page delivered')).toMatchObject({
      area: 'test.admin',
      fields: { channel: 'hook' },
    });
  });
});

describe('the end of a visit', () => {
  it("wipes the clipboard where the platform can, and answers that the visit's data is forgotten", async () => {
    const clearClipboard = vi.fn();
    const kiosk = track(await startKiosk(kioskConfig({ channels: [] }), { platform: { clearClipboard } }));
    expect(await kiosk.service.handlers['kiosk.sessionEnded']({})).toEqual({ forgotten: true });
    expect(clearClipboard).toHaveBeenCalledOnce();
  });

  it('answers the same on a platform without a clipboard', async () => {
    const kiosk = track(await startKiosk(kioskConfig({ channels: [] }), { platform: { clearClipboard: undefined } }));
    expect(await kiosk.service.handlers['kiosk.sessionEnded']({})).toEqual({ forgotten: true });
  });
});
