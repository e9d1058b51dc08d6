/**
 * The renderer's copies of the request rules in shared/request.ts. Copies,
 * because importing any value from that module brings zod into the initial
 * bundle (DESIGN.md budget: 150 KB gzip). A unit test proves each copy agrees
 * with the shared schema, so they cannot drift apart.
 */
import type { Priority, RequestKind, RequestPhase } from '../../../../shared/request';

export const requestPhaseOrder: readonly RequestPhase[] = ['captured', 'delivered', 'acknowledged', 'closed'];

export function priorityFor(kind: RequestKind, dangerNow: boolean): Priority {
  return kind === 'emergency' || dangerNow ? 'emergency' : 'normal';
}

export const firstNameMax = 30;

/** Letters of any script and their marks, with spaces, apostrophes and hyphens between. */
const firstNamePattern = /^[\p{L}\p{M}][\p{L}\p{M}' \u2019-]*$/u;

export type FirstNameProblem = 'lettersOnly' | 'tooLong';

/** Why a typed first name cannot be sent, or null when it can (an empty name means "not given"). */
export function firstNameProblem(typed: string): FirstNameProblem | null {
  const name = typed.trim();
  if (name.length > firstNameMax) return 'tooLong';
  if (name !== '' && !firstNamePattern.test(name)) return 'lettersOnly';
  return null;
}
