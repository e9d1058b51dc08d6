/**
 * The envelope every call returns over any transport. Errors travel as data so
 * that a bad field's name reaches the renderer intact (Electron's IPC keeps only
 * an error's message; HTTP keeps whatever we send).
 */
export type CallErrorCode = 'invalid-input' | 'unknown-call' | 'forbidden-sender' | 'failed';

export type CallIssue = { path: string; message: string };

export type CallError = { code: CallErrorCode; message: string; issues?: CallIssue[] };

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Turns a result back into a value or a thrown error, for the renderer side of a transport. */
export function unwrapResult<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw new CallFailedError(result.error);
}

export class CallFailedError extends Error {
  readonly code: CallErrorCode;
  readonly issues: CallIssue[];
  constructor(error: CallError) {
    super(error.message);
    this.name = 'CallFailedError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}
