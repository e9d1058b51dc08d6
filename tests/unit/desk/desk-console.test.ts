import { afterEach, describe, expect, it } from 'vitest';
import { closeAllDesks, startDesk, waitingIds, type TestDesk } from './support/desk-harness.js';
import { post, requestCreated, requestUpdated } from './support/backend-client.js';

afterEach(closeAllDesks);

const seconds = (n: number) => n * 1000;

async function arrive(desk: TestDesk, overrides: Parameters<typeof requestCreated>[0] = {}) {
  const message = requestCreated(overrides);
  await post(`${desk.url()}/requests`, message);
  return message.request.id;
}

describe('the desk console', () => {
  it('acknowledging records this desk as the answer, stops the alert and tells the console', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    desk.clock.now += seconds(42);
    const view = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    expect(view).toMatchObject({
      state: 'acknowledged',
      acknowledgement: { messageKey: 'coming-now', deskId: 'D1', deskName: 'Front desk', byThisDesk: true },
    });
    const state = await desk.waitForState((s) => s.requests[0]?.state === 'acknowledged');
    expect(waitingIds(state)).toEqual([]);
  });

  it('the first acknowledgement wins: a second press keeps the first answer', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    await desk.handlers['desk.acknowledge']({ id, messageKey: 'wait-5-minutes' });
    const again = await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
    expect(again.acknowledgement?.messageKey).toBe('wait-5-minutes');
  });

  it('refuses to acknowledge a request another desk already answered, naming that desk', async () => {
    const desk = await startDesk();
    const id = await arrive(desk);
    const acknowledgement = {
      messageKey: 'coming-now' as const,
      deskId: 'D2',
      deskName: 'Records window',
      at: new Date(desk.clock.now).toISOString(),
    };
    await post(`${desk.url()}/updates`, requestUpdated(id, { acknowledgement }));
    const acknowledge = async (requestId: string) => desk.handlers['desk.acknowledge']({ id: requestId, messageKey: 'coming-now' });
    await expect(acknowledge(id)).rejects.toThrow('Records window has already answered this request.');
    await expect(acknowledge('req_missing000000000000')).rejects.toThrow(/no longer on this desk/);
  });

  it('closing moves a request from the live list to history, newest first', async () => {
    const desk = await startDesk();
    const older = await arrive(desk, { reference: 'K1-0001' });
    const newer = await arrive(desk, { reference: 'K1-0002' });
    await arrive(desk, { reference: 'K1-0003' });
    await desk.handlers['desk.close']({ id: older, outcome: 'taken-to-treatment' });
    desk.clock.now += seconds(60);
    const closed = await desk.handlers['desk.close']({ id: newer, outcome: 'not-today' });
    expect(closed).toMatchObject({ state: 'closed', closed: { outcome: 'not-today', deskId: 'D1' } });
    const state = await desk.handlers['desk.getState']({});
    expect(state.requests.map((r) => r.reference)).toEqual(['K1-0003']);
    const history = await desk.handlers['desk.history']({ days: 7 });
    expect(history.map((r) => r.reference)).toEqual(['K1-0002', 'K1-0001']);
    desk.clock.now += 8 * 24 * 3600 * 1000;
    expect(await desk.handlers['desk.history']({ days: 7 })).toEqual([]);
  });

  it('reports anonymous counts by kind, priority, language and outcome, with acknowledgement times', async () => {
    const desk = await startDesk();
    const waits = [10, 20, 30, 40, 100];
    for (const [index, wait] of waits.entries()) {
      const id = await arrive(desk, { language: index < 3 ? 'en' : 'es', kind: index === 0 ? 'drop-off' : 'help-self' });
      desk.clock.now += seconds(wait);
      await desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' });
      if (index < 2) await desk.handlers['desk.close']({ id, outcome: 'taken-to-treatment' });
    }
    await arrive(desk, { kind: 'emergency', priority: 'emergency', dangerNow: true });
    const report = await desk.handlers['desk.report']({ period: 'week' });
    expect(report).toMatchObject({
      period: 'week',
      total: 6,
      byKind: { 'help-self': 4, 'help-someone': 0, 'drop-off': 1, emergency: 1 },
      byPriority: { emergency: 1, normal: 5 },
      byLanguage: { en: 4, es: 2 },
      byOutcome: { 'taken-to-treatment': 2, referred: 0, 'not-today': 0, 'drop-off-only': 0, open: 4 },
      timeToAcknowledge: { count: 5, medianSeconds: 30, p90Seconds: 100 },
    });
    expect(report.perDay).toHaveLength(7);
    expect(report.perDay.reduce((sum, day) => sum + day.count, 0)).toBe(6);
    expect(report.perDay.at(-1)?.count).toBe(6);
  });

  it('exports CSV with a header, a row per day and a total row naming the range, and no names or references', async () => {
    const desk = await startDesk();
    const id = await arrive(desk, { reference: 'K1-4821', firstName: 'Marisol' });
    await desk.handlers['desk.close']({ id, outcome: 'referred' });
    await arrive(desk, { reference: 'K1-4822', firstName: 'José', language: 'es' });
    const { fileName, csv } = await desk.handlers['desk.exportCsv']({ period: 'week' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^date,requests,kind help-self,.*,language en,language es$/);
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines.at(-1)).toMatch(/^total \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d,2,2,/);
    expect(fileName).toMatch(/^safe-passage-report-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/);
    for (const secret of ['Marisol', 'José', 'K1-4821', 'K1-4822', id]) expect(csv).not.toContain(secret);
  });
});
