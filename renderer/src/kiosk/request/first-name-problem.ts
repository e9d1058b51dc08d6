/**
 * The first-name rule the kiosk screen applies before submitting, from the
 * same values (shared/request-rules.ts, no zod, so the renderer's bundle
 * stays small) that the core's schema is built from.
 */
import { firstNameMaxLength, firstNamePattern } from '../../../../shared/request-rules';

export type FirstNameProblem = 'lettersOnly' | 'tooLong';

/** Why a typed first name cannot be sent, or null when it can (an empty name means "not given"). */
export function firstNameProblem(typed: string): FirstNameProblem | null {
  const name = typed.trim();
  if (name.length > firstNameMaxLength) return 'tooLong';
  if (name !== '' && !firstNamePattern.test(name)) return 'lettersOnly';
  return null;
}
