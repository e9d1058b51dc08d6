/**
 * The last log lines, kept in memory for the admin screen. Entries are
 * redacted by the same rules as every log line (logger.ts), so they carry no
 * personal data.
 */
import { redactFields, type LogEntry, type LogFields, type Logger, type LogLevel } from '../logger.js';

export const recentLogSize = 200;

export type RecentLog = {
  /** Oldest first. */
  lines(): LogEntry[];
  push(entry: LogEntry): void;
};

/** A ring buffer of the last `size` entries. */
export function createRecentLog(size = recentLogSize): RecentLog {
  const buffer: LogEntry[] = [];
  return {
    lines: () => [...buffer],
    push(entry) {
      buffer.push(entry);
      if (buffer.length > size) buffer.splice(0, buffer.length - size);
    },
  };
}

/**
 * A logger that writes through `inner` and also keeps each entry in `recent`.
 * Used by the core around the logger its host gives it, so both hosts get the
 * admin screen's log view without a change of their own.
 */
export function recordingLogger(inner: Logger, recent: RecentLog, area: string, now: () => number): Logger {
  const write = (level: LogLevel, message: string, fields?: LogFields) => {
    inner[level](message, fields);
    const entry: LogEntry = { time: new Date(now()).toISOString(), level, area, message };
    if (fields) entry.fields = redactFields(fields);
    recent.push(entry);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (sub) => recordingLogger(inner.child(sub), recent, `${area}.${sub}`, now),
  };
}
