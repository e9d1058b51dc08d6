/**
 * A desk service of a test's own: the shipped desk config on port 0, conf in
 * a temp folder, a clock the test moves, a hand-fired ticker, a recording
 * notifier, and every console state kept in order: each `desk.changed`, and
 * each `desk.requestChanged` applied to the state before it, as the console does.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { agencyProfileSchema, deviceConfigSchema, type DeskDeviceConfig } from '../../../../shared/config.js';
import { needsAnswer, type DeskChange, type DeskState } from '../../../../shared/desk.js';
import { applyDeskChange, changeFits } from '../../../../shared/desk-change.js';
import { createDeskService } from '../../../../electron/core/desk/desk-service.js';
import { manualEvery } from '../../../../electron/core/desk/ticker.js';
import { createLogger, memorySink } from '../../../../electron/core/logger.js';
import type { Platform } from '../../../../electron/core/platform.js';
import type { DurableFiles } from '../../../../electron/core/delivery/durable-files.js';
import { resourcesDir, testStorage } from '../../support/temp-config.js';
import { defaultWaitMs, described, withinTime } from '../../support/within-time.js';
import { shippedSecret } from './backend-client.js';

export type Notification = { title: string; body: string; urgent: boolean };

export type DeskOptions = {
  /** Changes to the shipped desk config (already on port 0). */
  device?: (device: DeskDeviceConfig) => void;
  platform?: Partial<Platform>;
  /** Reuse a data folder, to restart a desk on the same store. */
  dir?: string;
  startAt?: number;
  /** The request files' file layer (one that fails like a full or read-only disk). */
  files?: DurableFiles;
  /** Sees every event before the harness records it (a test can make it throw). */
  onEmit?: (name: string) => void;
};

export type TestDesk = Awaited<ReturnType<typeof startDesk>>;

const open: Array<() => Promise<void>> = [];

/** Closes every desk the test started and removes its folders. */
export async function closeAllDesks(): Promise<void> {
  for (const close of open.splice(0).reverse()) await close();
}

export async function startDesk(options: DeskOptions = {}) {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'lobby-desk-')));
  const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'config/desk.json'), 'utf8')) as Record<string, unknown>;
  const device = deviceConfigSchema.parse(shipped) as DeskDeviceConfig;
  device.receiver.port = 0;
  // The shipped config trusts no one until a kiosk is paired; these tests sign with a configured loopback secret.
  device.receiver.secrets = [shippedSecret];
  options.device?.(device);
  const profile = agencyProfileSchema.parse(
    JSON.parse(await readFile(path.join(resourcesDir, 'profiles/safe-passage-lees-summit.json'), 'utf8')),
  );

  const clock = { now: options.startAt ?? Date.parse('2026-11-20T15:00:00Z') };
  const notifications: Notification[] = [];
  const storage = testStorage(dir, { now: () => clock.now, notifier: { show: (n) => notifications.push(n) }, ...options.platform });
  const sink = memorySink();
  const states: DeskState[] = [];
  const changes: DeskChange[] = [];
  const waiters = new Set<() => void>();
  const every = manualEvery();

  const service = await createDeskService(
    {
      device,
      profile,
      logger: createLogger('desk', sink),
      dataDir: storage.dataDir,
      platform: storage.platform,
      emit: (name, payload) => {
        options.onEmit?.(name);
        if (name === 'desk.changed') states.push(payload as DeskState);
        else if (name === 'desk.requestChanged') {
          const last = states.at(-1);
          if (!last) throw new Error('a change came before the first whole state');
          const change = payload as DeskChange;
          // Every change is the next revision: a console that saw a gap would have to load the whole state again.
          if (changeFits(last, change) !== 'apply') throw new Error(`revision ${change.revision} came after ${last.revision}`);
          changes.push(change);
          states.push(applyDeskChange(last, change));
        } else return;
        for (const wake of waiters) wake();
      },
    },
    { every, ...(options.files ? { files: options.files } : {}) },
  );
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await service.close();
  };
  open.push(async () => {
    await close();
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  });

  return {
    service,
    handlers: service.handlers,
    device,
    dir,
    dataDir: storage.dataDir,
    clock,
    notifications,
    logs: sink.entries,
    states,
    /** Every `desk.requestChanged`, in order. */
    changes,
    every,
    close,
    /** The receiver's base URL, e.g. http://127.0.0.1:40123/lobby/v1. */
    url(): string {
      const { receiver } = service.handlers['desk.getState']({}) as DeskState;
      if (!receiver.url) throw new Error(`the receiver is not listening: ${receiver.problem}`);
      return receiver.url;
    },
    /** Resolves with the first `desk.changed` state (already emitted or to come) that passes the test; fails after `timeoutMs` saying so. */
    waitForState(test: (state: DeskState) => boolean, timeoutMs = defaultWaitMs): Promise<DeskState> {
      let check = () => false;
      const pending = new Promise<DeskState>((resolve) => {
        check = () => {
          const found = states.find(test);
          if (!found) return false;
          waiters.delete(check);
          resolve(found);
          return true;
        };
      });
      if (!check()) waiters.add(check);
      return withinTime(
        pending,
        timeoutMs,
        () => `a desk state matching ${described(test)}; ${states.length} states emitted`,
        () => waiters.delete(check),
      );
    },
  };
}

/**
 * The ids of the requests a console state shows as waiting for an answer, most urgent first; it throws when the
 * state's own summary (`waiting`: the banner's count, whether an emergency waits) does not agree with them.
 */
export function waitingIds(state: DeskState): string[] {
  const waiting = state.requests.filter(needsAnswer);
  const emergency = waiting[0]?.priority === 'emergency';
  if (state.waiting.count !== waiting.length || state.waiting.emergency !== emergency) {
    throw new Error(
      `the desk says ${JSON.stringify(state.waiting)} wait, its requests say ${waiting.length} (emergency first: ${emergency})`,
    );
  }
  return waiting.map((request) => request.id);
}
