/**
 * First names sealed before they were bound to their record (`v1:`) are
 * re-sealed once, bound to the record they are in, when the desk's (or the
 * kiosk's) store starts; after that a `v1:` name never opens, so one moved
 * into another record stays closed (electron/core/reseal-old-names.ts).
 * Real stores in temp folders, the real cipher with the tests' data key.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyCipher } from '../../../electron/core/data-key-cipher.js';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { openName } from '../../../electron/core/sealed-name.js';
import { statusQuerySchema } from '../../../shared/backend/messages.js';
import { startScriptedServer } from '../delivery/support/scripted-server.js';
import { signedAnswer } from '../delivery/support/signed-answer.js';
import { deskChannel, kioskConfig, sampleInput, startKiosk, testSecret } from '../kiosk/support/kiosk-harness.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { testDataKey } from '../support/temp-config.js';
import { post, requestCreated } from './support/backend-client.js';
import { closeAllDesks, startDesk, type TestDesk } from './support/desk-harness.js';

afterEach(closeAllDesks);
const track = closeAfterEach();
const cipher = createKeyCipher(testDataKey);

type DeskFile = { id: string; sealedName?: string };
const deskFileOf = (desk: TestDesk, id: string) => path.join(desk.dataDir, 'desk-requests', `${id}.json`);
const readDeskFile = async (desk: TestDesk, id: string) => JSON.parse(await readFile(deskFileOf(desk, id), 'utf8')) as DeskFile;

/** A desk that stored requests from Ana and Marisol, stopped with their names sealed the old way (v1:, unbound, unpadded). */
async function deskWithOldNames() {
  const first = await startDesk();
  const ana = requestCreated({ firstName: 'Ana' });
  const marisol = requestCreated({ firstName: 'Marisol' });
  await post(`${first.url()}/requests`, ana);
  await post(`${first.url()}/requests`, marisol);
  await first.close();
  const ids = [ana.request.id, marisol.request.id] as const;
  for (const [id, name] of [
    [ids[0], 'Ana'],
    [ids[1], 'Marisol'],
  ] as const) {
    const record = await readDeskFile(first, id);
    await writeFile(deskFileOf(first, id), JSON.stringify({ ...record, sealedName: cipher.encrypt(name) }));
  }
  await asBeforeTheUpdate(first.dataDir);
  return { first, ids };
}

/** A data folder as the version before this one left it: no store of it has been re-sealed yet. */
const asBeforeTheUpdate = (dataDir: string) => rm(path.join(dataDir, 'sealed-names.json'), { force: true });

const namesShown = async (desk: TestDesk) =>
  (await desk.handlers['desk.getState']({})).requests.map((r) => r.firstName).sort((a, b) => String(a).localeCompare(String(b)));

describe('old sealed names on the desk', () => {
  it('are re-sealed at start, bound to their own record, and still show', async () => {
    const { first, ids } = await deskWithOldNames();
    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now });
    expect(await namesShown(desk)).toEqual(['Ana', 'Marisol']);
    for (const [id, name] of [
      [ids[0], 'Ana'],
      [ids[1], 'Marisol'],
    ] as const) {
      const { sealedName } = await readDeskFile(desk, id);
      expect(sealedName?.startsWith('v2:')).toBe(true);
      expect(openName(cipher, sealedName ?? '', id)).toBe(name);
    }
    const done = desk.logs.find((e) => e.message === 'old sealed first names re-sealed to their records');
    expect(done?.fields).toEqual({ where: 'desk', count: 2 });
    expect(JSON.stringify(desk.logs)).not.toMatch(/Ana|Marisol/);
  });

  it('once re-sealed, an old name put back into a record (from a backup, or moved) does not open and is not re-sealed', async () => {
    const { first, ids } = await deskWithOldNames();
    const oldMarisol = (await readDeskFile(first, ids[1])).sealedName ?? '';
    const second = await startDesk({ dir: first.dir, startAt: first.clock.now });
    await second.close();
    // Marisol's old sealed name, moved into Ana's record.
    await writeFile(deskFileOf(second, ids[0]), JSON.stringify({ ...(await readDeskFile(second, ids[0])), sealedName: oldMarisol }));

    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now });
    expect(await namesShown(desk)).toEqual(['Marisol', undefined]);
    expect((await readDeskFile(desk, ids[0])).sealedName).toBe(oldMarisol);
    expect(desk.logs.filter((e) => e.message === 'a sealed first name could not be opened')).toHaveLength(1);
  });

  it('a start stopped part-way loses nothing: the record not yet written keeps its old name, and the next start finishes', async () => {
    const { first, ids } = await deskWithOldNames();
    // The second record's write fails after the first one's was done, as a crash between the two would leave them.
    let renames = 0;
    const stopsAfterOne: DurableFiles = {
      ...nodeFiles,
      rename: async (from, to) => {
        renames += 1;
        if (renames > 1) throw Object.assign(new Error('the machine stopped'), { code: 'EIO' });
        await nodeFiles.rename(from, to);
      },
    };
    const stopped = await startDesk({ dir: first.dir, startAt: first.clock.now, files: stopsAfterOne });
    await stopped.close();
    const sealed = await Promise.all(ids.map(async (id) => (await readDeskFile(stopped, id)).sealedName?.slice(0, 3)));
    expect(sealed.sort()).toEqual(['v1:', 'v2:']);
    expect(stopped.logs.find((e) => e.message.startsWith('an old sealed first name could not be re-sealed'))?.fields).toMatchObject({
      where: 'desk',
      code: 'EIO',
    });

    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now });
    expect(await namesShown(desk)).toEqual(['Ana', 'Marisol']);
    for (const id of ids) expect((await readDeskFile(desk, id)).sealedName?.startsWith('v2:')).toBe(true);
  });
});

describe('old sealed names on the kiosk', () => {
  it("are re-sealed at start, and the request still reaches the desk with the person's name", async () => {
    // A desk that never answers "received", so the request stays in the outbox across the restart.
    const desk = track(
      await startScriptedServer((r) =>
        r.path.endsWith('/requests')
          ? { status: 503, json: { error: 'storage-failed', message: 'later' } }
          : signedAnswer(testSecret, r, {
              status: 200,
              json: r.path.endsWith('/status')
                ? { requests: statusQuerySchema.parse(r.json).requestIds.map((id) => ({ id, state: 'received' })) }
                : { ok: true },
            }),
      ),
    );
    const config = kioskConfig({ channels: [deskChannel(`${desk.origin}/lobby/v1`)] });
    const kiosk = track(await startKiosk(config));
    const { id } = await kiosk.service.handlers['request.submit'](sampleInput({ firstName: 'Marisol' }));
    await desk.waitFor((r) => r.path.endsWith('/requests'));
    const file = path.join(kiosk.dataDir, 'outbox', `${id}.json`);
    // Stopped, and its name sealed the old way, as the version before this one wrote it.
    await kiosk.service.close();
    const record = JSON.parse(await readFile(file, 'utf8')) as { sealedFirstName: string };
    await writeFile(file, JSON.stringify({ ...record, sealedFirstName: cipher.encrypt('Marisol') }));
    await asBeforeTheUpdate(kiosk.dataDir);

    desk.script((r) =>
      r.path.endsWith('/requests')
        ? signedAnswer(testSecret, r, { status: 200, json: { received: true, duplicate: false } })
        : signedAnswer(testSecret, r, { status: 200, json: { ok: true } }),
    );
    await kiosk.restart({ device: config });
    const delivered = await desk.waitFor((r) => r.path.endsWith('/requests') && r.body.includes('"firstName":"Marisol"'));
    expect(delivered.body).toContain(id);
    const resealed = (JSON.parse(await readFile(file, 'utf8')) as { sealedFirstName: string }).sealedFirstName;
    expect(resealed.startsWith('v2:')).toBe(true);
    expect(openName(cipher, resealed, id)).toBe('Marisol');
  });
});

describe('the cipher', () => {
  it('never opens an unbound (v1) text as a record field, and still opens it as a field of no record (keys, secrets)', () => {
    const unbound = cipher.encrypt('whsec_secret-of-no-record');
    expect(unbound.startsWith('v1:')).toBe(true);
    expect(() => cipher.decrypt(unbound, 'req_aaaaaaaaaaaaaaaaaaaa')).toThrow(/not bound to its record/);
    expect(() => openName(cipher, unbound, 'req_aaaaaaaaaaaaaaaaaaaa')).toThrow();
    expect(cipher.decrypt(unbound)).toBe('whsec_secret-of-no-record');
  });
});
