import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDeviceConfig } from '../../../shared/config.js';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const days = (n: number) => n * 24 * 3600 * 1000;
const week = (device: DeskDeviceConfig) => {
  device.retention.days = 7;
};

describe('retention on the desk', () => {
  for (const cipher of ['sealed', 'memory-only'] as const) {
    it(`purges requests after retention.days, leaving no trace of the name on disk (${cipher}), while anonymous counts stay`, async () => {
      // Seven days, so the month's report still covers the purged request.
      const desk = await startDesk({ device: week, platform: cipher === 'memory-only' ? { cipher: undefined } : {} });
      const message = requestCreated({ firstName: 'Marisol', reference: 'K1-4821' });
      await post(`${desk.url()}/requests`, message);
      desk.clock.now += 30_000;
      await desk.handlers['desk.acknowledge']({ id: message.request.id, messageKey: 'coming-now' });
      await desk.handlers['desk.close']({ id: message.request.id, outcome: 'taken-to-treatment' });
      const folder = path.join(desk.dataDir, 'desk-requests');
      const everything = async () => {
        const files = [path.join(desk.dataDir, 'desk-requests.json'), ...(await readdir(folder)).map((name) => path.join(folder, name))];
        return files.join('\n') + (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
      };
      expect(await everything()).toContain(message.request.id);

      desk.clock.now += days(6);
      desk.every.tick();
      expect(await desk.handlers['desk.history']({ days: 30 })).toHaveLength(1);

      desk.clock.now += days(1);
      const before = desk.states.length;
      desk.every.tick();
      // Retention announces the whole state once its files are gone.
      await desk.waitForState((s) => desk.states.indexOf(s) >= before);
      const raw = await everything();
      for (const gone of ['Marisol', 'K1-4821', message.request.id, 'sealedName']) expect(raw).not.toContain(gone);
      expect(await desk.handlers['desk.history']({ days: 365 })).toEqual([]);
      const report = await desk.handlers['desk.report']({ period: 'month' });
      expect(report).toMatchObject({
        total: 1,
        byOutcome: { 'taken-to-treatment': 1 },
        timeToAcknowledge: { count: 1, medianSeconds: 30 },
      });
    });
  }

  it('purges at start too, for a desk that was off when the time came', async () => {
    const first = await startDesk({ device: week });
    await post(`${first.url()}/requests`, requestCreated());
    await first.close();
    const second = await startDesk({ device: week, dir: first.dir, startAt: first.clock.now + days(8) });
    expect((await second.handlers['desk.getState']({})).requests).toEqual([]);
    expect((await second.handlers['desk.report']({ period: 'month' })).total).toBe(1);
    expect(second.logs.some((e) => e.message.startsWith('retention purged') && e.fields?.count === 1)).toBe(true);
  });

  it('with the default 30 days, a purged request still counts in the 12-month report and CSV, without its name', async () => {
    const desk = await startDesk();
    const message = requestCreated({ firstName: 'Marisol', reference: 'K1-4821' });
    await post(`${desk.url()}/requests`, message);
    desk.clock.now += days(40);
    desk.every.tick();
    expect((await desk.handlers['desk.report']({ period: 'month' })).total).toBe(0);
    expect((await desk.handlers['desk.report']({ period: 'year' })).total).toBe(1);
    const { csv } = await desk.handlers['desk.exportCsv']({ period: 'year' });
    for (const gone of ['Marisol', 'K1-4821', message.request.id]) expect(csv).not.toContain(gone);
  });

  it('follows a shorter configured retention', async () => {
    const desk = await startDesk({ device: (d) => (d.retention.days = 2) });
    await post(`${desk.url()}/requests`, requestCreated());
    desk.clock.now += days(2) + 1;
    desk.every.tick();
    const state = await desk.waitForState((s) => s.requests.length === 0 && desk.states.indexOf(s) > 0);
    expect(waitingIds(state)).toEqual([]);
  });
});
