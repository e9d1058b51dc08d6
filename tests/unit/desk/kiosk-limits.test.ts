import { afterEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../shared/config.js';
import { closeAllDesks, startDesk } from './support/desk-harness.js';
import { heartbeat, post, postReadingHeaders, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const emergency = () => requestCreated({ kind: 'emergency', priority: 'emergency', dangerNow: true });

describe('what one kiosk may send the desk', () => {
  it('a burst of 30 emergencies from one kiosk is capped per minute (429 with Retry-After) and alerts once', async () => {
    const desk = await startDesk();
    const answers = [];
    for (let i = 0; i < 30; i += 1) answers.push(await postReadingHeaders(`${desk.url()}/requests`, emergency()));
    const limit = desk.device.limits.requestsPerKioskPerMinute;
    expect(answers.slice(0, limit).map((a) => a.status)).toEqual(Array(limit).fill(200));
    const refused = answers.slice(limit);
    expect(refused.map((a) => a.status)).toEqual(Array(30 - limit).fill(429));
    expect(refused[0]?.json).toMatchObject({ error: 'rate-limited' });
    expect(Number(refused[0]?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused[0]?.headers['retry-after'])).toBeLessThanOrEqual(60);

    await desk.waitForState((s) => s.requests.length === limit);
    expect(desk.notifications).toHaveLength(1);
    expect(desk.notifications[0]).toMatchObject({ urgent: true });

    // Logged with the kiosk and a count, never a name.
    expect(desk.logs.filter((e) => e.message.startsWith('a kiosk reached its per-minute limit'))).toEqual([
      expect.objectContaining({ fields: { kioskId: 'K1', kind: 'request' } }),
    ]);
    desk.clock.now += 61_000;
    expect((await post(`${desk.url()}/requests`, emergency())).status).toBe(200);
    expect(desk.logs.find((e) => e.message.startsWith('dropped messages'))?.fields).toEqual({ kioskId: 'K1', count: 30 - limit });
    expect(JSON.stringify(desk.logs)).not.toContain('Marisol');
  });

  it('limits one kiosk without slowing another', async () => {
    const desk = await startDesk();
    for (let i = 0; i < desk.device.limits.requestsPerKioskPerMinute; i += 1) await post(`${desk.url()}/requests`, requestCreated());
    expect((await post(`${desk.url()}/requests`, requestCreated())).status).toBe(429);
    const other = requestCreated({ kiosk: { id: 'K2', location: 'Lobby kiosk 2' } });
    expect((await post(`${desk.url()}/requests`, other)).status).toBe(200);
    expect((await post(`${desk.url()}/heartbeats`, heartbeat('K1'))).status).toBe(200);
  });

  it('caps every message a kiosk sends, heartbeats included, at the configured rate', async () => {
    const desk = await startDesk({
      device: (device) => {
        device.limits.messagesPerKioskPerMinute = 60;
      },
    });
    const statuses = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await post(`${desk.url()}/heartbeats`, heartbeat('K1'))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('has defaults a real lobby never reaches, and refuses limits outside their range', () => {
    const desk = (limits: object) => ({
      schemaVersion: 1,
      role: 'desk',
      desk: { id: 'D1', name: 'Front desk' },
      receiver: {},
      limits,
    });
    const defaults = deviceConfigSchema.parse(desk({}));
    expect(defaults.role === 'desk' && defaults.limits).toEqual({ messagesPerKioskPerMinute: 600, requestsPerKioskPerMinute: 10 });
    expect(deviceConfigSchema.safeParse(desk({ requestsPerKioskPerMinute: 0 })).success).toBe(false);
    expect(deviceConfigSchema.safeParse(desk({ messagesPerKioskPerMinute: 1_000_000 })).success).toBe(false);
  });
});
