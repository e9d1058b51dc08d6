import { createServer, type AddressInfo } from 'node:net';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminScreen } from '../../../renderer/src/admin/admin-screen';
import { closeAfterEach } from '../support/close-after-each';
import { inProcessApi } from '../support/in-process-api';
import { countedListeners } from './support/counted-listeners';
import { deskDevice, kioskDevice, startCore, type TestCore } from '../trust/support/paired-cores';
import { renderWithI18n } from './controls/support/render-with-i18n';
import { verifyKeySignedMessage } from '../../../shared/backend/signing';
import { startScriptedServer } from '../delivery/support/scripted-server';

const track = closeAfterEach();

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
afterEach(cleanup);

/** A real core with an open admin session, its admin screen rendered in a region of the page named `name`. */
async function adminOf(test: TestCore, name: string) {
  await test.core.handlers['admin.session.createPin']({ pin: '48291375' });
  await renderWithI18n(
    <div role="region" aria-label={name}>
      <AdminScreen api={inProcessApi(test.core)} onClose={() => undefined} />
    </div>,
  );
  const page = screen.getByRole('region', { name });
  return within(await within(page).findByRole('region', { name: 'Devices and pairing' }));
}

async function typeOn(pad: HTMLElement, text: string) {
  for (const key of text.replace(/ /g, ''))
    await userEvent.click(within(pad).getByRole('button', { name: key === '.' ? 'Dot' : key === ':' ? 'Colon' : key }));
}

async function startPairing(kiosk: ReturnType<typeof within>, address: string, code: string) {
  await userEvent.click(await kiosk.findByRole('button', { name: 'Pair with a desk' }));
  await typeOn(kiosk.getByRole('group', { name: 'Desk address keypad' }), address);
  await typeOn(kiosk.getByRole('group', { name: 'Pairing code keypad' }), code);
  await userEvent.click(kiosk.getByRole('button', { name: 'Pair' }));
}

// Two real cores pair over TLS and two screens are driven key by key: more than vitest's 5 s on two busy cores.
describe('the Devices and pairing section', { timeout: 20_000 }, () => {
  it('pairs a kiosk with a desk: code on the desk, typed on the kiosk keys, the same six digits confirmed on both, then unpaired', async () => {
    const deskCore = track(await startCore(await deskDevice()));
    const kioskCore = track(await startCore(await kioskDevice()));
    const desk = await adminOf(deskCore, 'desk');
    const kiosk = await adminOf(kioskCore, 'kiosk');

    expect((await desk.findByTestId('key-protection')).textContent).toBe('Keys are locked with the data key set for this host.');
    expect(desk.getByText('No devices are paired yet.')).toBeTruthy();
    await userEvent.click(await desk.findByRole('button', { name: 'Add a kiosk' }));
    const code = (await desk.findByTestId('pairing-code')).textContent ?? '';
    expect(code).toMatch(/^\d{4} \d{4}$/);
    const address = within(desk.getByTestId('pairing-addresses')).getAllByRole('listitem')[0]!.textContent ?? '';
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);

    await startPairing(kiosk, address, code);
    const kioskDigits = (await kiosk.findByTestId('comparison-code')).textContent;
    const deskDigits = (await desk.findByTestId('comparison-code')).textContent;
    expect(kioskDigits).toMatch(/^\d{3} \d{3}$/);
    expect(deskDigits).toBe(kioskDigits);

    await userEvent.click(desk.getByRole('button', { name: 'Same on both screens' }));
    expect(await desk.findByText('Done here. Now press Same on the other screen.')).toBeTruthy();
    await userEvent.click(kiosk.getByRole('button', { name: 'Same on both screens' }));
    await waitFor(() => expect(kiosk.getByRole('list', { name: 'Paired devices' }).textContent).toContain('D1'));
    await waitFor(() => expect(desk.getByRole('list', { name: 'Paired devices' }).textContent).toContain('K1'));
    const kioskFingerprint = kiosk.getByTestId('own-fingerprint').textContent ?? '';
    expect(desk.getByRole('list', { name: 'Paired devices' }).textContent).toContain(kioskFingerprint);

    await userEvent.click(desk.getByRole('button', { name: 'Unpair K1' }));
    expect((await deskCore.core.pairing['admin.pairing.overview']({})).peers).toHaveLength(1);
    await userEvent.click(desk.getByRole('button', { name: 'Yes, unpair' }));
    expect(await desk.findByText('No devices are paired yet.')).toBeTruthy();
    expect((await deskCore.core.pairing['admin.pairing.overview']({})).peers).toEqual([]);
  });

  it('says plainly when the code typed on the kiosk is wrong, and shows no comparison', async () => {
    const deskCore = track(await startCore(await deskDevice()));
    const kioskCore = track(await startCore(await kioskDevice()));
    const made = await deskCore.core.pairing['admin.pairing.createCode']({});
    const kiosk = await adminOf(kioskCore, 'kiosk');
    const wrong = made.code.startsWith('0') ? '1111 1111' : '0000 0000';

    await startPairing(kiosk, made.addresses[0]!, wrong);
    expect((await kiosk.findByTestId('pairing-refused')).textContent).toBe('That code is not right. Check it and type it again.');
    expect(kiosk.queryByTestId('comparison')).toBeNull();
  });

  it('says plainly when nothing answers at the address typed on the kiosk', async () => {
    const kioskCore = track(await startCore(await kioskDevice()));
    const kiosk = await adminOf(kioskCore, 'kiosk');
    await startPairing(kiosk, `127.0.0.1:${await closedPort()}`, '1234 5678');
    expect((await kiosk.findByTestId('pairing-refused')).textContent).toBe('The desk did not answer at that address. Check the address.');
  });

  it('leaves no listener behind once the admin screen closes', async () => {
    const kioskCore = track(await startCore(await kioskDevice()));
    await kioskCore.core.handlers['admin.session.createPin']({ pin: '48291375' });
    const counted = countedListeners(inProcessApi(kioskCore.core));
    const { unmount } = await renderWithI18n(<AdminScreen api={counted.api} onClose={() => undefined} />);
    await screen.findByRole('button', { name: 'Pair with a desk' });
    expect(counted.attached()).toBeGreaterThanOrEqual(2);
    unmount();
    expect(counted.attached()).toBe(0);
    // The session ending after the screen closed reaches no listener.
    await kioskCore.core.handlers['admin.session.end']({});
    expect(counted.heard).toEqual([]);
  });

  it("shows a kiosk's public key for its backend: the key its deviceKey webhook messages verify with", async () => {
    const backend = track(await startScriptedServer(() => ({ status: 200, json: { ok: true } })));
    const channel = { id: 'cad', type: 'webhook', url: `${backend.origin}/hook`, deviceKey: true, heartbeatSeconds: 30 };
    const kioskCore = track(await startCore(await kioskDevice('K1', 'Lobby kiosk 1', { channels: [channel] })));
    const kiosk = await adminOf(kioskCore, 'kiosk');
    const term = await kiosk.findByText('Public key for your backend');
    const shown = term.parentElement?.querySelector('dd')?.textContent ?? '';
    expect(shown).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(kiosk.getByTestId('webhook-public-key').textContent).toBe(shown);
    expect(kiosk.getByTestId('webhook-public-key-hint').textContent).toBe(
      "Give this key and this kiosk's id to your department's backend, so it can check that messages come from this kiosk. It is not a secret.",
    );
    // The kiosk's own heartbeat to the backend verifies with the key on its screen, and it logged the same key.
    const beat = await backend.waitFor((r) => (r.json as { type?: string }).type === 'kiosk.heartbeat');
    expect(verifyKeySignedMessage([shown], beat.body, beat.headers)).toMatchObject({ ok: true });
    expect(kioskCore.logs.find((e) => e.fields?.channel === 'cad' && e.fields.publicKey)?.fields?.publicKey).toBe(shown);
    // A desk has no such key to show.
    const deskCore = track(await startCore(await deskDevice()));
    const desk = await adminOf(deskCore, 'desk');
    await desk.findByTestId('own-fingerprint');
    expect(desk.queryByText('Public key for your backend')).toBeNull();
  });

  it('warns in plain words when keys live in memory only', async () => {
    const kioskCore = track(await startCore(await kioskDevice()));
    const api = inProcessApi(kioskCore.core);
    await kioskCore.core.handlers['admin.session.createPin']({ pin: '48291375' });
    const overview = await api['admin.pairing.overview']({});
    const memoryOnly = { ...api, 'admin.pairing.overview': async () => ({ ...overview, keyProtection: 'memory-only' as const }) };
    await renderWithI18n(<AdminScreen api={memoryOnly} onClose={() => undefined} />);
    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toBe('Warning: keys are kept in memory only. Pairing ends when the app restarts.');
  });
});
