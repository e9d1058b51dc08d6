import { describe, expect, it } from 'vitest';
import { newerView, reportFor } from '../../../renderer/src/kiosk/session/request-status';
import type { KioskRequestView } from '../../../shared/request';

const view = (changes: Partial<KioskRequestView> = {}): KioskRequestView => ({
  id: 'r1',
  reference: 'K1-1234',
  priority: 'normal',
  phase: 'captured',
  late: false,
  failed: false,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  ...changes,
});
const saved = (changes: Partial<KioskRequestView> = {}) => reportFor({ state: 'saved', view: view(changes) });

describe('what the status screen may claim', () => {
  it('while submit has not answered: nothing is claimed, not even "saved"', () => {
    expect(reportFor({ state: 'sending', priority: 'normal' })).toMatchObject({
      headline: 'saving',
      steps: { saved: false, delivered: false, answered: false },
      fallback: 'none',
    });
    expect(reportFor({ state: 'sending', priority: 'normal' }).reference).toBeUndefined();
  });

  it('captured: saved, and nothing more', () => {
    expect(saved()).toMatchObject({ headline: 'captured', steps: { saved: true, delivered: false, answered: false }, fallback: 'none', reference: 'K1-1234' });
  });

  it('delivered: the desk has it, but no officer is claimed', () => {
    expect(saved({ phase: 'delivered' })).toMatchObject({ headline: 'delivered', steps: { saved: true, delivered: true, answered: false } });
    expect(saved({ phase: 'delivered' }).ackKey).toBeUndefined();
  });

  it('acknowledged: the officer\'s own message, by key', () => {
    const ack = { messageKey: 'wait-5-minutes' as const, deskId: 'D1', deskName: 'Front desk', at: '2026-01-01T10:01:00.000Z' };
    expect(saved({ phase: 'acknowledged', acknowledgement: ack })).toMatchObject({ headline: 'acknowledged', ackKey: 'wait-5-minutes', steps: { answered: true }, fallback: 'none' });
  });

  it('late before delivery or before an answer: the fallback, while the kiosk keeps trying', () => {
    expect(saved({ late: true })).toMatchObject({ headline: 'captured', fallback: 'while-trying' });
    expect(saved({ phase: 'delivered', late: true })).toMatchObject({ headline: 'delivered', fallback: 'while-trying' });
  });

  it('failed: the fallback only', () => {
    expect(saved({ failed: true, late: true })).toMatchObject({ headline: 'failed', fallback: 'only', steps: { saved: true, delivered: false } });
  });

  it('not saved: the fallback only, and no reference, since nothing was kept', () => {
    const report = reportFor({ state: 'not-saved', priority: 'emergency' });
    expect(report).toMatchObject({ headline: 'notSaved', fallback: 'only', priority: 'emergency' });
    expect(report.reference).toBeUndefined();
  });

  it('closed: finished, with every step done', () => {
    expect(saved({ phase: 'closed' })).toMatchObject({ headline: 'closed', steps: { saved: true, delivered: true, answered: true }, fallback: 'none' });
  });
});

describe('following a request through its events', () => {
  it('never steps back to an earlier phase, whatever order the views arrive in', () => {
    const delivered = view({ phase: 'delivered', updatedAt: '2026-01-01T10:00:01.000Z' });
    expect(newerView(delivered, view())).toBe(delivered);
    expect(newerView(view(), delivered)).toBe(delivered);
  });

  it('within a phase, takes the later update (for example "late" becoming true)', () => {
    const late = view({ late: true, updatedAt: '2026-01-01T10:00:20.000Z' });
    expect(newerView(view(), late)).toBe(late);
    expect(newerView(late, view())).toBe(late);
  });

  it('a view of another request replaces nothing', () => {
    const other = view({ id: 'r2' });
    expect(newerView(undefined, other)).toBe(other);
  });
});
