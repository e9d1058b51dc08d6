/**
 * Every admin action, one JSON line each in `<data folder>/admin-audit.jsonl`:
 * what and when, never a PIN, a secret or personal data. Appended, never
 * rewritten, so an earlier line cannot be lost by a later failure.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type AuditAction =
  | 'pin.created'
  | 'pin.refused'
  | 'session.opened'
  | 'session.refused'
  | 'session.ended'
  | 'session.expired'
  | 'test-page.sent'
  | 'out-of-service.on'
  | 'out-of-service.off';

export type AuditLine = { at: string; action: AuditAction; detail?: Record<string, string | number | boolean> };

export type AuditLog = {
  /** Resolves once the line is written (or its failure reported); never rejects. */
  record(action: AuditAction, detail?: AuditLine['detail']): Promise<void>;
  /** Resolves when every line recorded so far is written. */
  flush(): Promise<void>;
  readonly path: string;
};

export const auditFileName = 'admin-audit.jsonl';

/** Opens the audit log in `dataDir`. A write failure is reported to `onError` and never blocks the action. */
export function createAuditLog(options: { dataDir: string; now: () => number; onError: (error: Error) => void }): AuditLog {
  const file = path.join(options.dataDir, auditFileName);
  let chain: Promise<void> = Promise.resolve();
  return {
    path: file,
    record(action, detail) {
      const line: AuditLine = { at: new Date(options.now()).toISOString(), action, ...(detail ? { detail } : {}) };
      // One write after another keeps the lines in the order the actions happened.
      chain = chain
        .then(async () => {
          await mkdir(options.dataDir, { recursive: true });
          await appendFile(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
        })
        .catch((error: Error) => options.onError(error));
      return chain;
    },
    flush: () => chain,
  };
}

/** Reads the audit log back (for tests and support). */
export async function readAuditLog(file: string): Promise<AuditLine[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditLine);
}
