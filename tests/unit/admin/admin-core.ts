/**
 * A real core on a temp config for the admin tests: a clock the test moves,
 * every event and log line kept, calls made as a transport would.
 */
import { afterEach } from 'vitest';
import type { CallName } from '../../../shared/contract.js';
import { dispatchCall } from '../../../shared/dispatch.js';
import { createCore } from '../../../electron/core/create-core.js';
import { createLogger, memorySink } from '../../../electron/core/logger.js';
import { tempConfig, testStorage } from '../support/temp-config.js';

export { cheapPinCost as cheap } from '../support/test-pin.js';
import { cheapPinCost } from '../support/test-pin.js';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

export type TempConfig = Awaited<ReturnType<typeof tempConfig>>;

/**
 * Starts a core (a kiosk with no PIN yet unless `existing` holds another config). Given `existing`, it runs on that
 * config and data folder, as the same machine started again; the caller removes it (`removeLater`).
 */
export async function startAdminCore(existing?: TempConfig, clock = { now: Date.parse('2026-11-20T15:00:00Z') }) {
  const config = existing ?? (await tempConfig(undefined, { adminPin: false }));
  const storage = testStorage(config.dir, { now: () => clock.now });
  const sink = memorySink();
  const core = await createCore({
    paths: config.paths,
    ...storage,
    logger: createLogger('test', sink),
    watchIntervalMs: false,
    pinCost: cheapPinCost,
  });
  const events: Array<{ name: string; payload: unknown }> = [];
  core.events.subscribe((name, payload) => events.push({ name, payload }));
  open.push(async () => {
    await core.close();
    if (!existing) await config.remove();
  });
  const call = (name: CallName, input: unknown = {}) => dispatchCall(core.handlers, name, input, () => undefined);
  return { core, config, clock, sink, events, call, dataDir: storage.dataDir };
}

/** Removes a config the test made itself, after the cores on it have closed. */
export function removeLater(config: TempConfig): void {
  open.push(config.remove);
}
