/** What every vendor sender needs from the outbox: a logger, a clock and the time limit of one attempt. */
import type { Logger } from '../../logger.js';

export type VendorDeps = { logger: Logger; now: () => number; timeoutMs: number };
