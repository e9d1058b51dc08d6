import { describe, expect, it } from 'vitest';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { NotCaptured } from '../../../electron/core/kiosk/kiosk-service.js';
import { startScriptedServer, type ScriptedServer } from '../delivery/support/scripted-server.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { kioskConfig, sampleInput, startKiosk, testSecret, type DeliveryOverrides } from './support/kiosk-harness.js';

const track = closeAfterEach();

/** Two real webhook servers (two paging channels) and a kiosk on a clock the test moves. */
async function kioskPagingTwoWebhooks(limits: Partial<DeliveryOverrides> = {}) {
  const pagers: ScriptedServer[] = [track(await startScriptedServer()), track(await startScriptedServer())];
  const clock = { now: Date.parse('2026-11-30T10:00:00Z') };
  const channels = pagers.map((server, i) => ({ id: `pager-${i}`, type: 'webhook', url: server.origin, secret: testSecret }));
  const kiosk = track(await startKiosk(kioskConfig({ channels, ...limits }), { platform: { now: () => clock.now } }));
  const submit = (overrides: Parameters<typeof sampleInput>[0] = {}) => kiosk.service.handlers['request.submit'](sampleInput(overrides));
  /** request.created bodies each webhook received, by request id. */
  const pagedIds = (server: ScriptedServer) => server.received.map((r) => requestCreatedSchema.parse(r.json).request.id);
  return { pagers, clock, kiosk, submit, pagedIds };
}

const visit = (n: number) => ({
  kind: 'emergency' as const,
  dangerNow: true,
  idempotencyKey: `visit-${String(n).padStart(3, '0')}-emergency`,
});

describe('repeated and rapid submissions do not page every channel again', () => {
  it('a burst of 30 emergency submissions from the screen (30 visits) pages each webhook once, and every visit sees that request', async () => {
    const { pagers, kiosk, submit, pagedIds } = await kioskPagingTwoWebhooks();
    const views = [];
    for (let n = 0; n < 30; n += 1) views.push(await submit(visit(n)));
    const first = views[0]!;
    expect(new Set(views.map((v) => v.id))).toEqual(new Set([first.id]));
    expect(views.every((v) => v.reference === first.reference && v.priority === 'emergency')).toBe(true);
    await Promise.all(pagers.map((pager) => pager.waitFor(() => true)));
    // Only one request was ever captured, so nothing else can reach the pagers later.
    expect(new Set(kiosk.views.map((v) => v.id))).toEqual(new Set([first.id]));
    for (const pager of pagers) expect(pagedIds(pager)).toEqual([first.id]);
    const collapsed = kiosk.log.filter((e) => e.message.startsWith('a submission was collapsed'));
    expect(collapsed.map((e) => e.fields)).toEqual(Array.from({ length: 29 }, (_, i) => ({ reason: 'repeat', count: i + 1 })));
    expect(JSON.stringify(collapsed)).not.toMatch(/visit-|req_|Maya/);
  });

  it('submitting again with the collapsed visit key returns the same request', async () => {
    const { submit } = await kioskPagingTwoWebhooks();
    const first = await submit(visit(1));
    expect((await submit(visit(2))).id).toBe(first.id);
    expect((await submit(visit(2))).id).toBe(first.id);
  });

  it('collapses only the same kind and priority, and only within collapseSeconds', async () => {
    const { clock, submit } = await kioskPagingTwoWebhooks({ collapseSeconds: 30 });
    const emergency = await submit(visit(1));
    const normal = await submit({ kind: 'help-self', idempotencyKey: 'visit-002-normal' });
    expect(normal.id).not.toBe(emergency.id);
    clock.now += 31_000;
    const later = await submit(visit(3));
    expect(later.id).not.toBe(emergency.id);
  });

  it('over maxRequestsPerMinute a submission joins the newest open request of its kind, or is refused when there is none', async () => {
    const { clock, kiosk, submit, pagers, pagedIds } = await kioskPagingTwoWebhooks({ maxRequestsPerMinute: 2, collapseSeconds: 0 });
    const a = await submit();
    const b = await submit();
    expect((await submit()).id).toBe(b.id);
    await expect(submit({ kind: 'drop-off' })).rejects.toBeInstanceOf(NotCaptured);
    expect(kiosk.log).toContainEqual(
      expect.objectContaining({ message: 'a submission was refused: too many requests this minute', fields: { count: 1 } }),
    );
    clock.now += 61_000;
    const c = await submit({ kind: 'drop-off' });
    await kiosk.waitForView(c.id, (v) => v.phase === 'delivered');
    await kiosk.waitForView(b.id, (v) => v.phase === 'delivered');
    await kiosk.waitForView(a.id, (v) => v.phase === 'delivered');
    for (const pager of pagers) expect(pagedIds(pager).sort()).toEqual([a.id, b.id, c.id].sort());
  });
});
