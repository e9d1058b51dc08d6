import { createLogger, memorySink, type LogEntry, type Logger } from '../../../electron/core/logger.js';

/** A real core logger writing to memory, so tests see exactly what would reach the log (after redaction). */
export function testLogger(): { logger: Logger; entries: LogEntry[] } {
  const sink = memorySink();
  return { logger: createLogger('test', sink), entries: sink.entries };
}
