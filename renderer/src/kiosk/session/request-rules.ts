/**
 * The request rules the kiosk screen applies before submitting. The values
 * come from shared/request-rules.ts, which has no zod, so the renderer's
 * bundle stays small (DESIGN.md budget: 150 KB gzip) and cannot drift from
 * the schema the core checks.
 */
import {
  firstNameMaxLength,
  firstNamePattern,
  priorityOf,
  requestPhases,
  type Priority,
  type RequestKind,
} from '../../../../shared/request-rules';

export const requestPhaseOrder = requestPhases;

export function priorityFor(kind: RequestKind, dangerNow: boolean): Priority {
  return priorityOf({ kind, dangerNow });
}

export const firstNameMax = firstNameMaxLength;

export type FirstNameProblem = 'lettersOnly' | 'tooLong';

/** Why a typed first name cannot be sent, or null when it can (an empty name means "not given"). */
export function firstNameProblem(typed: string): FirstNameProblem | null {
  const name = typed.trim();
  if (name.length > firstNameMax) return 'tooLong';
  if (name !== '' && !firstNamePattern.test(name)) return 'lettersOnly';
  return null;
}
