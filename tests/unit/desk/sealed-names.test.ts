import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyCipher } from '../../../electron/core/data-key-cipher.js';
import { createFirstNames } from '../../../electron/core/kiosk/first-names.js';
import type { RequestRecord } from '../../../electron/core/kiosk/request-record.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { openName, sealName } from '../../../electron/core/sealed-name.js';
import { testDataKey } from '../support/temp-config.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const cipher = createKeyCipher(testDataKey);
const idA = 'req_aaaaaaaaaaaaaaaaaaaa';
const idB = 'req_bbbbbbbbbbbbbbbbbbbb';

describe('a first name sealed at rest', () => {
  it('opens only in the record it was sealed for', () => {
    const sealedA = sealName(cipher, 'Ana', idA);
    const sealedB = sealName(cipher, 'Maximiliano', idB);
    expect(openName(cipher, sealedA, idA)).toBe('Ana');
    expect(openName(cipher, sealedB, idB)).toBe('Maximiliano');
    // Swapped between the two records, neither opens.
    expect(() => openName(cipher, sealedA, idB)).toThrow();
    expect(() => openName(cipher, sealedB, idA)).toThrow();
  });

  it('does not tell a short name from a long one: equal ciphertext lengths', () => {
    const lengths = ['Al', 'Maximiliano', 'Nguyễn Thị Minh Khai', 'عبد الرحمن', 'Ana-Sofía de los Ángeles'].map(
      (name, i) => sealName(cipher, name, `req_length${String(i).padStart(14, '0')}`).length,
    );
    expect(new Set(lengths).size).toBe(1);
  });

  it('sealed before names were bound (v1), does not open in a record: it is re-sealed at start instead (reseal-old-names.test.ts)', () => {
    const legacy = cipher.encrypt('Marisol');
    expect(legacy.startsWith('v1:')).toBe(true);
    expect(() => openName(cipher, legacy, idA)).toThrow();
  });

  it("on the kiosk, a name moved into another record's file is not revealed", () => {
    const names = createFirstNames(cipher, createLogger('t', memorySink()));
    const sealed = names.keep(idA, 'Marisol');
    const record = (id: string) => ({ id, sealedFirstName: sealed }) as RequestRecord;
    expect(names.reveal(record(idA))).toBe('Marisol');
    expect(names.reveal(record(idB))).toBeUndefined();
  });

  it("on the desk, two requests' sealed names swapped on disk show no name after a restart", async () => {
    const first = await startDesk();
    const a = requestCreated({ firstName: 'Ana' });
    const b = requestCreated({ firstName: 'Maximiliano' });
    await post(`${first.url()}/requests`, a);
    await post(`${first.url()}/requests`, b);
    await first.close();

    const fileOf = (id: string) => path.join(first.dataDir, 'desk-requests', `${id}.json`);
    const recordA = JSON.parse(await readFile(fileOf(a.request.id), 'utf8')) as { sealedName: string };
    const recordB = JSON.parse(await readFile(fileOf(b.request.id), 'utf8')) as { sealedName: string };
    expect(recordA.sealedName.length).toBe(recordB.sealedName.length);
    [recordA.sealedName, recordB.sealedName] = [recordB.sealedName, recordA.sealedName];
    await writeFile(fileOf(a.request.id), JSON.stringify(recordA));
    await writeFile(fileOf(b.request.id), JSON.stringify(recordB));

    const desk = await startDesk({ dir: first.dir, startAt: first.clock.now });
    const requests = (await desk.handlers['desk.getState']({})).requests;
    expect(requests.map((r) => r.firstName)).toEqual([undefined, undefined]);
    expect(desk.logs.filter((e) => e.message === 'a sealed first name could not be opened')).toHaveLength(2);
  });
});
