/**
 * The desk's OS alerts on their own: what an officer reads, when an alert
 * repeats and when a burst from one kiosk stays one alert.
 */
import { describe, expect, it } from 'vitest';
import { createDeskAlerts } from '../../../electron/core/desk/desk-alerts.js';
import type { StoredRequest } from '../../../electron/core/desk/stored-request.js';

type Shown = { title: string; body: string; urgent: boolean };

const repeatSeconds = 10;

function alertsOf(enabled = true) {
  const shown: Shown[] = [];
  const alerts = createDeskAlerts({ notifier: { show: (n) => shown.push(n) }, enabled, repeatSeconds, program: 'Safe Passage' });
  return { alerts, shown };
}

function request(overrides: Partial<StoredRequest> = {}): StoredRequest {
  return {
    id: 'req_00000000000000000001',
    reference: 'K1-4821',
    kind: 'help-self',
    priority: 'normal',
    language: 'en',
    turningIn: false,
    dangerNow: false,
    kiosk: { id: 'K1', location: 'Lobby kiosk 1' },
    createdAt: '2026-11-20T15:00:00.000Z',
    receivedAt: '2026-11-20T15:00:00.000Z',
    ...overrides,
  };
}

const emergency = (overrides: Partial<StoredRequest> = {}) =>
  request({ kind: 'emergency', priority: 'emergency', dangerNow: true, reference: 'K1-0911', ...overrides });

describe('what a desk alert says', () => {
  it('one normal request: the program, the kiosk and the reference, and where to acknowledge it', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    expect(shown).toEqual([
      {
        title: 'Safe Passage request at Lobby kiosk 1 (K1-4821)',
        body: 'Acknowledge it at the desk console.',
        urgent: false,
      },
    ]);
  });

  it('an emergency says someone may be in danger and is urgent', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(emergency(), 1, 0);
    expect(shown).toEqual([
      {
        title: 'Safe Passage request at Lobby kiosk 1 (K1-0911)',
        body: 'Emergency: someone may be in danger now. Acknowledge it at the desk console.',
        urgent: true,
      },
    ]);
  });

  it('says how many are waiting only when more than one is', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request({ kiosk: { id: 'K1', location: 'Lobby kiosk 1' } }), 1, 0);
    alerts.arrived(request({ kiosk: { id: 'K2', location: 'Lobby kiosk 2' }, reference: 'K2-0001' }), 2, 1);
    alerts.arrived(request({ kiosk: { id: 'K3', location: 'Side door' }, reference: 'K3-0001' }), 3, 2);
    expect(shown.map((n) => n.body)).toEqual([
      'Acknowledge it at the desk console.',
      'Acknowledge it at the desk console. 2 requests are waiting.',
      'Acknowledge it at the desk console. 3 requests are waiting.',
    ]);
  });

  it('a test page is never worded like a person waiting, and is not urgent', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(emergency({ test: true }), 4, 0);
    expect(shown).toEqual([
      {
        title: 'TEST page from Lobby kiosk 1',
        body: 'This is a test. No one needs help. Acknowledge it to close it.',
        urgent: false,
      },
    ]);
  });

  it('with OS notifications off nothing is shown, arrivals and repeats alike', () => {
    const { alerts, shown } = alertsOf(false);
    alerts.arrived(emergency(), 1, 0);
    alerts.tick(emergency(), 1, 60_000);
    expect(shown).toEqual([]);
  });
});

describe('when a desk alert repeats', () => {
  it('repeats exactly every repeatSeconds for the first waiting request, not before', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    alerts.tick(request(), 1, 9_999);
    expect(shown).toHaveLength(1);
    alerts.tick(request(), 1, 10_000);
    alerts.tick(request(), 1, 19_999);
    alerts.tick(request(), 1, 20_000);
    expect(shown).toHaveLength(3);
  });

  it('nothing waiting: a tick shows nothing and does not throw', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    expect(() => alerts.tick(undefined, 0, 30_000)).not.toThrow();
    expect(shown).toHaveLength(1);
  });

  it('a request held back as a burst, once the list was empty, is alerted at the next tick', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    // Acknowledged at once; the list is empty at the next tick.
    alerts.tick(undefined, 0, 1_000);
    // The same kiosk sends again 2 s later: inside the burst window, so no alert on arrival...
    const next = request({ id: 'req_00000000000000000002', reference: 'K1-4822' });
    alerts.arrived(next, 1, 2_000);
    expect(shown).toHaveLength(1);
    // ...but nobody has been alerted about it: the next tick does, not the repeat 10 s after the first alert.
    alerts.tick(next, 1, 3_000);
    expect(shown.map((n) => n.title)).toEqual([
      'Safe Passage request at Lobby kiosk 1 (K1-4821)',
      'Safe Passage request at Lobby kiosk 1 (K1-4822)',
    ]);
  });
});

describe('a burst from one kiosk', () => {
  it('is one alert until repeatSeconds have passed since that kiosk last alerted, then alerts again', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    alerts.arrived(request({ reference: 'K1-0002' }), 2, 9_999);
    expect(shown).toHaveLength(1);
    alerts.arrived(request({ reference: 'K1-0003' }), 3, 10_000);
    expect(shown.map((n) => n.title)).toEqual([
      'Safe Passage request at Lobby kiosk 1 (K1-4821)',
      'Safe Passage request at Lobby kiosk 1 (K1-0003)',
    ]);
  });

  it('does not hold back another kiosk, or an emergency after a normal request', () => {
    const { alerts, shown } = alertsOf();
    alerts.arrived(request(), 1, 0);
    alerts.arrived(request({ kiosk: { id: 'K2', location: 'Lobby kiosk 2' }, reference: 'K2-0001' }), 2, 1_000);
    alerts.arrived(emergency(), 3, 2_000);
    // A second emergency from the same kiosk this soon is part of the burst.
    alerts.arrived(emergency({ reference: 'K1-0912' }), 4, 3_000);
    expect(shown.map((n) => [n.title, n.urgent])).toEqual([
      ['Safe Passage request at Lobby kiosk 1 (K1-4821)', false],
      ['Safe Passage request at Lobby kiosk 2 (K2-0001)', false],
      ['Safe Passage request at Lobby kiosk 1 (K1-0911)', true],
    ]);
  });
});
