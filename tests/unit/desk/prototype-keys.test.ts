import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import type { CallHandlers } from '../../../shared/contract.js';
import { DeskActionRefused } from '../../../electron/core/desk/desk-requests.js';
import { closeAllDesks, startDesk, waitingIds } from './support/desk-harness.js';
import { post, requestCreated } from './support/backend-client.js';

afterEach(closeAllDesks);

const prototypeKeys = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether this process can listen on the port (so nothing else holds it). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('request ids that name a prototype property', () => {
  it("are refused by the desk calls' schema, with the same rule as the receiver", () => {
    for (const id of prototypeKeys) {
      expect(calls['desk.acknowledge'].input.safeParse({ id, messageKey: 'coming-now' }).success).toBe(false);
      expect(calls['desk.close'].input.safeParse({ id, outcome: 'referred' }).success).toBe(false);
    }
    expect(calls['desk.acknowledge'].input.safeParse({ id: 'req_0123456789abcdefAB', messageKey: 'coming-now' }).success).toBe(true);
  });

  it('that reach the desk core anyway are refused plainly; the next tick runs and the store is intact', async () => {
    const desk = await startDesk();
    const message = requestCreated();
    await post(`${desk.url()}/requests`, message);
    for (const id of prototypeKeys) {
      await expect(desk.handlers['desk.acknowledge']({ id, messageKey: 'coming-now' })).rejects.toBeInstanceOf(DeskActionRefused);
      await expect(desk.handlers['desk.close']({ id, outcome: 'referred' })).rejects.toBeInstanceOf(DeskActionRefused);
    }
    desk.clock.now += 60_000;
    desk.every.tick();

    const state = await desk.handlers['desk.getState']({});
    expect(state.requests.map((r) => r.id)).toEqual([message.request.id]);
    expect(waitingIds(state)).toEqual([message.request.id]);
    expect((await post(`${desk.url()}/requests`, requestCreated())).status).toBe(200);
    expect((await readdir(path.join(desk.dataDir, 'desk-requests'))).sort()).toHaveLength(2);
    expect(desk.logs.filter((e) => e.level === 'error')).toEqual([]);

    // And after a restart, the same two requests and nothing else.
    await desk.close();
    const again = await startDesk({ dir: desk.dir, startAt: desk.clock.now });
    expect((await again.handlers['desk.getState']({})).requests).toHaveLength(2);
  });

  it('a handler table answers only from its own properties', async () => {
    const inherited = Object.create({ 'desk.getState': () => 'from the prototype' }) as CallHandlers;
    const result = await dispatchCall(inherited, 'desk.getState', {}, () => {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });
});

describe('work off the call path', () => {
  it('a throw while alerting (after the answer, and on the timer) is logged and the desk keeps working', async () => {
    const desk = await startDesk({
      platform: {
        notifier: {
          show: () => {
            throw new Error('the notification service is gone');
          },
        },
      },
    });
    const first = requestCreated();
    expect((await post(`${desk.url()}/requests`, first)).status).toBe(200);
    await desk.waitForState((s) => s.requests.length === 1);
    desk.clock.now += 60_000;
    expect(() => desk.every.tick()).not.toThrow();

    expect(desk.logs.filter((e) => e.message.startsWith('desk work failed')).map((e) => e.fields?.where)).toEqual([
      'request arrival',
      'tick',
    ]);
    expect((await post(`${desk.url()}/requests`, requestCreated())).status).toBe(200);
    expect((await desk.handlers['desk.getState']({})).requests).toHaveLength(2);
  });

  it('when the service fails after its receiver started, the receiver is closed again', async () => {
    const port = await freePort();
    const failing = startDesk({
      device: (device) => {
        device.receiver.port = port;
      },
      onEmit: () => {
        throw new Error('the window is gone');
      },
    });
    await expect(failing).rejects.toThrow('the window is gone');
    expect(await canListen(port)).toBe(true);
  });
});
