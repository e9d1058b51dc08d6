/**
 * The envelope every call returns over any transport. Errors travel as data so
 * that a bad field's name reaches the renderer intact (Electron's IPC keeps only
 * an error's message; HTTP keeps whatever we send).
 */
export type CallErrorCode = 'invalid-input' | 'unknown-call' | 'forbidden-sender' | 'refused' | 'failed';

export type CallIssue = { path: string; message: string };

/** `reason`: for a refusal, a stable code the screen maps to its own words (its message is English, for the log). */
export type CallError = { code: CallErrorCode; message: string; issues?: CallIssue[]; reason?: string };

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/**
 * What a failed call rejects with in the page, whichever transport carried it.
 * A plain object, not an Error: contextBridge rebuilds an Error from its
 * message alone, so `code` and `issues` would not survive the preload.
 */
export type CallFailure = { name: 'CallFailure'; message: string; code: CallErrorCode; issues: CallIssue[]; reason?: string };

/** Turns a result into its value, or rejects with a CallFailure; used on the page side of every transport. */
export function unwrapResult<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  const failure: CallFailure = {
    name: 'CallFailure',
    message: result.error.message,
    code: result.error.code,
    issues: result.error.issues ?? [],
    ...(result.error.reason === undefined ? {} : { reason: result.error.reason }),
  };
  throw failure;
}

export function isCallFailure(value: unknown): value is CallFailure {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'CallFailure';
}

/**
 * A handler's plain refusal that the person at the screen should read ("Front
 * desk has already answered this request."), as opposed to a failure whose
 * details stay in main. Its message must hold no personal data.
 */
export class CallRefused extends Error {
  override name = 'CallRefused';

  /** `reason`: a stable code for the screen, when the screen words this refusal itself. */
  constructor(
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}
