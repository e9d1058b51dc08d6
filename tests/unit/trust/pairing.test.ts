import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../support/close-after-each.js';
import { codeOf, deskDevice, kioskDevice, overviewWhere, pair, startCore } from './support/paired-cores.js';

const track = closeAfterEach();

describe('pairing a kiosk with a desk over TLS', () => {
  it('ends with each side holding the other, the same comparison code on both screens, and readable fingerprints', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kiosk = track(await startCore(await kioskDevice()));
    const { code, address } = await codeOf(desk.core);
    expect(code).toMatch(/^\d{4} \d{4}$/);
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);

    const pending = await kiosk.core.pairing['admin.pairing.pairWithDesk']({ address, code });
    const deskView = await desk.core.pairing['admin.pairing.overview']({});
    expect(pending.comparisonCode).toMatch(/^\d{6}$/);
    expect(deskView.pending.map((p) => [p.peerId, p.comparisonCode])).toEqual([['K1', pending.comparisonCode]]);

    await desk.core.pairing['admin.pairing.confirm']({ sessionId: deskView.pending[0]!.sessionId, same: true });
    expect(await kiosk.core.pairing['admin.pairing.confirm']({ sessionId: pending.sessionId, same: true })).toEqual({ state: 'paired' });

    const deskAfter = await desk.core.pairing['admin.pairing.overview']({});
    const kioskAfter = await kiosk.core.pairing['admin.pairing.overview']({});
    expect(deskAfter.peers).toMatchObject([{ role: 'kiosk', id: 'K1', label: 'Lobby kiosk 1', fingerprint: kioskAfter.fingerprint }]);
    expect(kioskAfter.peers).toMatchObject([{ role: 'desk', id: 'D1', label: 'Front desk', fingerprint: deskAfter.fingerprint }]);
    expect(deskAfter.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(deskAfter.tlsFingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(kioskAfter.keyProtection).toBe('aes-256-gcm');
    expect(deskAfter.pending).toEqual([]);
  });

  it('finishes when the kiosk confirms first: it keeps asking until the desk confirms', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kiosk = track(await startCore(await kioskDevice()));
    const { code, address } = await codeOf(desk.core);
    const pending = await kiosk.core.pairing['admin.pairing.pairWithDesk']({ address, code });
    expect(await kiosk.core.pairing['admin.pairing.confirm']({ sessionId: pending.sessionId, same: true })).toEqual({
      state: 'waiting-for-other-side',
    });
    const deskView = await desk.core.pairing['admin.pairing.overview']({});
    await desk.core.pairing['admin.pairing.confirm']({ sessionId: deskView.pending[0]!.sessionId, same: true });
    const paired = await overviewWhere(kiosk.core, (o) => o.peers.length === 1);
    expect(paired.peers[0]?.id).toBe('D1');
  });

  it('pairs nothing when an administrator says the codes differ', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kiosk = track(await startCore(await kioskDevice()));
    const { code, address } = await codeOf(desk.core);
    const pending = await kiosk.core.pairing['admin.pairing.pairWithDesk']({ address, code });
    expect(await kiosk.core.pairing['admin.pairing.confirm']({ sessionId: pending.sessionId, same: false })).toEqual({
      state: 'cancelled',
    });
    await overviewWhere(desk.core, (o) => o.pending.length === 0);
    expect((await desk.core.pairing['admin.pairing.overview']({})).peers).toEqual([]);
    expect((await kiosk.core.pairing['admin.pairing.overview']({})).peers).toEqual([]);
  });

  it('refuses a wrong code, a used code, and every try after five wrong ones', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kiosk = track(await startCore(await kioskDevice()));
    const { code, address } = await codeOf(desk.core);
    const wrong = code.startsWith('0') ? '1111 1111' : '0000 0000';
    const tryCode = (typed: string) => kiosk.core.pairing['admin.pairing.pairWithDesk']({ address, code: typed });

    await expect(tryCode(wrong)).rejects.toThrow('that code is not right');
    await tryCode(code);
    await expect(tryCode(code)).rejects.toThrow('no pairing code is waiting');

    const second = await codeOf(desk.core);
    for (let i = 0; i < 5; i += 1) await expect(tryCode(wrong)).rejects.toThrow('that code is not right');
    await expect(tryCode(second.code)).rejects.toThrow('no pairing code is waiting');
    expect(desk.logs.filter((e) => e.message === 'a pairing code was refused')).toHaveLength(8);
  });

  it('refuses an expired code', async () => {
    let now = Date.parse('2026-11-20T15:00:00Z');
    const desk = track(await startCore(await deskDevice(), { now: () => now }));
    const kiosk = track(await startCore(await kioskDevice()));
    const { code, address } = await codeOf(desk.core);
    now += 10 * 60 * 1000 + 1;
    await expect(kiosk.core.pairing['admin.pairing.pairWithDesk']({ address, code })).rejects.toThrow('that code has expired');
  });

  it('unpairing a kiosk on the desk removes it at once, and pairing again works with a new secret', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kiosk = track(await startCore(await kioskDevice()));
    await pair(desk.core, kiosk.core);
    expect(await desk.core.pairing['admin.pairing.unpair']({ role: 'kiosk', id: 'K1' })).toEqual({ removed: true });
    expect((await desk.core.pairing['admin.pairing.overview']({})).peers).toEqual([]);
    await pair(desk.core, kiosk.core);
    expect((await desk.core.pairing['admin.pairing.overview']({})).peers.map((p) => p.id)).toEqual(['K1']);
  });

  it('survives a restart: identities and pairings are sealed on disk', async () => {
    const desk = track(await startCore(await deskDevice()));
    const kioskCore = await startCore(await kioskDevice(), { keep: true });
    await pair(desk.core, kioskCore.core);
    const before = await kioskCore.core.pairing['admin.pairing.overview']({});
    await kioskCore.close();
    const again = track(await startCore(await kioskDevice(), { dir: kioskCore.dir }));
    const after = await again.core.pairing['admin.pairing.overview']({});
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(after.peers.map((p) => p.id)).toEqual(['D1']);
  });

  it("lets two desks of one department learn each other's keys through the same ceremony", async () => {
    const front = track(await startCore(await deskDevice('D1', 'Front desk')));
    const back = track(await startCore(await deskDevice('D2', 'Back office')));
    await pair(front.core, back.core);
    expect((await front.core.pairing['admin.pairing.overview']({})).peers).toMatchObject([
      { role: 'desk', id: 'D2', label: 'Back office' },
    ]);
    expect((await back.core.pairing['admin.pairing.overview']({})).peers).toMatchObject([{ role: 'desk', id: 'D1', label: 'Front desk' }]);
  });
});
