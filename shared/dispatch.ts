import type { z } from 'zod';
import { calls, isCallName, type CallHandlers, type CallName } from './contract.js';
import { CallRefused, type CallIssue, type CallResult } from './call-result.js';

/** Formats zod issues so that every message names the field it is about. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): CallIssue[] {
  return issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
    return { path, message: `${path}: ${issue.message}` };
  });
}

/**
 * Validates a call's name and raw input against the contract and runs its handler.
 * Shared by every transport, so validation happens in exactly one place.
 * Handler failures become a generic error: their messages may carry details
 * that do not belong in a renderer.
 */
export async function dispatchCall(
  handlers: CallHandlers,
  name: unknown,
  rawInput: unknown,
  onHandlerError: (name: CallName, error: unknown) => void,
): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'unknown-call', message: `unknown call: ${String(name).slice(0, 60)}` } };
  }
  const parsed = calls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    return {
      ok: false,
      error: { code: 'invalid-input', message: `${name}: ${issues.map((i) => i.message).join('; ')}`, issues },
    };
  }
  // Own properties only: a handler table is never searched through its prototype.
  if (!Object.hasOwn(handlers, name)) {
    return { ok: false, error: { code: 'unknown-call', message: `unknown call: ${name}` } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof CallRefused) {
      const reason = error.reason === undefined ? {} : { reason: error.reason };
      return { ok: false, error: { code: 'refused', message: error.message, ...reason } };
    }
    onHandlerError(name, error);
    return { ok: false, error: { code: 'failed', message: `${name} failed` } };
  }
}
