/**
 * Loggers named per area ("config", "ipc", "host"), writing one JSON line per entry.
 *
 * Personal data never reaches a log line: only a fixed set of field names is
 * kept, and only as short primitive values. Everything else is dropped and
 * counted, so a careless call site leaks nothing; a field set to undefined is
 * simply left out.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type LogEntry = { time: string; level: LogLevel; area: string; message: string; fields?: Record<string, string | number | boolean> };
export type LogSink = (entry: LogEntry) => void;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(area: string): Logger;
};

/** Field names that may appear in logs. None of them can hold personal data. */
const allowedFields = new Set([
  'call',
  'code',
  'count',
  'durationMs',
  'error',
  'event',
  'file',
  'kind',
  'path',
  'permission',
  'port',
  'reason',
  'role',
  'state',
  'url',
  'where',
  'exitCode',
  'channel',
  'origin',
  'method',
  'status',
  // Delivery and receiving: ids and codes the system makes, never anything a person typed.
  'requestId',
  'reference',
  'messageId',
  'attempt',
  'delayMs',
  'kioskId',
  'deskId',
  'priority',
  'phase',
  'depth',
  'type',
  'host',
  // A device's public key (whpk_…): not a secret, and names a device, not a person.
  'publicKey',
  // Read-aloud: lists of language codes.
  'withVoice',
  'withoutVoice',
]);

const maxValueLength = 300;

export function redactFields(fields: LogFields): Record<string, string | number | boolean> {
  const kept: Record<string, string | number | boolean> = {};
  let dropped = 0;
  for (const [key, value] of Object.entries(fields)) {
    // A field whose value is undefined is absent (`{ reason: result.reason }` for a result without one), not dropped.
    if (value === undefined) continue;
    if (!allowedFields.has(key)) {
      dropped += 1;
      continue;
    }
    if (typeof value === 'number' || typeof value === 'boolean') kept[key] = value;
    else if (typeof value === 'string') kept[key] = value.length > maxValueLength ? `${value.slice(0, maxValueLength)}…` : value;
    else if (value instanceof Error) kept[key] = value.name;
    else dropped += 1;
  }
  if (dropped > 0) kept.droppedFields = dropped;
  return kept;
}

export function createLogger(area: string, sink: LogSink, now: () => Date = () => new Date()): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    const entry: LogEntry = { time: now().toISOString(), level, area, message };
    if (fields) entry.fields = redactFields(fields);
    sink(entry);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => createLogger(`${area}.${sub}`, sink, now),
  };
}

/** Writes entries as JSON lines to standard error: the log a service manager collects. */
export const stderrSink: LogSink = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`);
};

/** Keeps entries in memory; for tests and the admin screen's recent-problems view. */
export function memorySink(): LogSink & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const sink = ((entry: LogEntry) => {
    entries.push(entry);
  }) as LogSink & { entries: LogEntry[] };
  sink.entries = entries;
  return sink;
}
