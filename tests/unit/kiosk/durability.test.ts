import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyCipher } from '../../../electron/core/node-platform.js';
import { requestCreatedSchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { startVerifyingReceiver } from '../delivery/support/verifying-receiver.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from './support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';

const track = closeAfterEach();

const outboxText = async (dataDir: string) => {
  const dir = path.join(dataDir, 'outbox');
  const names = await readdir(dir);
  return (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join('\n');
};

describe('the outbox keeps requests across restarts', () => {
  it('resumes an unfinished delivery after a restart with the same id', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id, reference } = await kiosk.service.handlers['request.submit'](sampleInput());
    await desk.waitFor((r) => r.path.endsWith('/requests'));

    await kiosk.restart();
    expect(await kiosk.service.handlers['request.get']({ id })).toMatchObject({ reference, phase: 'captured' });
    desk.override(undefined);
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(desk.requests.get(id)).toMatchObject({ deliveries: 1, firstName: 'Maya' });
    expect(new Set(desk.received.filter((r) => r.path.endsWith('/requests')).map((r) => r.headers['webhook-id']))).toEqual(
      new Set([`msg_${id}`]),
    );
  });

  it('remembers a delivered request as delivered and does not send it again: counted at the wire after a later request arrived', async () => {
    const server = track(await startScriptedServer());
    const device = kioskConfig({ channels: [{ id: 'hook', type: 'webhook', url: server.origin, secret: testSecret }] });
    const kiosk = track(await startKiosk(device));
    const before = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(before.id, (v) => v.phase === 'delivered');

    await kiosk.restart();
    expect((await kiosk.service.handlers['request.get']({ id: before.id }))?.phase).toBe('delivered');
    const after = await kiosk.service.handlers['request.submit'](sampleInput());
    // The queue sends in capture order: had the first request been queued again, it would have gone out before this one.
    await server.waitFor((r) => requestCreatedSchema.parse(r.json).request.id === after.id);
    await kiosk.waitForView(after.id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    expect(server.received.map((r) => requestCreatedSchema.parse(r.json).request.id)).toEqual([before.id, after.id]);
  });

  it('seals the first name at rest and still delivers it after a restart', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput({ firstName: 'Điệp' }));
    await kiosk.service.close();
    const stored = await outboxText(kiosk.dataDir);
    expect(stored).toContain('sealedFirstName');
    expect(stored).not.toContain('Điệp');

    desk.override(undefined);
    await kiosk.restart();
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(desk.requests.get(id)?.firstName).toBe('Điệp');
  });

  it('without a cipher keeps the first name in memory only', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] }), { platform: { cipher: undefined } }));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    await kiosk.service.close();
    expect(desk.requests.get(id)?.firstName).toBe('Maya');
    const stored = await outboxText(kiosk.dataDir);
    expect(stored).not.toContain('Maya');
    expect(stored).not.toContain('sealedFirstName');
  });

  it('delivers without the name when the key changed, and says why in the log', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    desk.override((r) => (r.path.endsWith('/requests') ? { status: 503 } : undefined));
    const kiosk = track(await startKiosk(kioskConfig({ channels: [deskChannel(desk.url)] })));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.service.close();

    desk.override(undefined);
    await kiosk.restart({ platform: { cipher: createKeyCipher(Buffer.alloc(32, 9)) } });
    await kiosk.waitForView(id, (v) => v.phase === 'delivered');
    expect(desk.requests.get(id)).toMatchObject({ id });
    expect(desk.requests.get(id)?.firstName).toBeUndefined();
    expect(kiosk.log.some((e) => e.fields?.reason === 'decrypt-failed' && e.fields.requestId === id)).toBe(true);
  });
});

describe('retention', () => {
  const hour = 3_600_000;

  it('purges a closed request after hoursAfterClose, and an open one after maxOpenHours', async () => {
    const desk = track(await startVerifyingReceiver([testSecret]));
    let clock = Date.now();
    const platform = { now: () => clock };
    const device = kioskConfig({ channels: [deskChannel(desk.url)] }, { hoursAfterClose: 24, maxOpenHours: 72 });
    const kiosk = track(await startKiosk(device, { platform }));
    const closed = await kiosk.service.handlers['request.submit'](sampleInput());
    const open = await kiosk.service.handlers['request.submit'](sampleInput());
    await kiosk.waitForView(open.id, (v) => v.phase === 'delivered');
    desk.requests.get(closed.id)!.closed = true;
    await kiosk.waitForView(closed.id, (v) => v.phase === 'closed');

    clock += 23 * hour;
    await kiosk.restart();
    expect(await kiosk.service.handlers['request.get']({ id: closed.id })).not.toBeNull();

    clock += 2 * hour;
    await kiosk.restart();
    expect(await kiosk.service.handlers['request.get']({ id: closed.id })).toBeNull();
    expect(await kiosk.service.handlers['request.get']({ id: open.id })).not.toBeNull();
    expect(await outboxText(kiosk.dataDir)).not.toContain(closed.id);

    clock += 48 * hour;
    await kiosk.restart();
    expect(await kiosk.service.handlers['request.get']({ id: open.id })).toBeNull();
    expect(await readdir(path.join(kiosk.dataDir, 'outbox'))).toEqual([]);
    expect(kiosk.log.filter((e) => e.message === 'request purged after retention').map((e) => e.fields?.reason)).toEqual([
      'after-close',
      'max-open',
    ]);
  });
});
