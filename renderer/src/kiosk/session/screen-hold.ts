import { statusTable, type ScreenHold } from '../../../../shared/request-status';
import { statusOfSubmission, type Submission } from './request-status';
import type { Screen } from './screens';

/** The screens that show this visit's request in full, and may wait with the person. */
const statusScreens = new Set<Screen['name']>(['status', 'emergency']);

/**
 * Whether the idle reset may wipe the screen now (shared/request-status.ts,
 * the table's hold column): not while the person waits for an answer on the
 * status or emergency screen; after the answer, only after a calm delay.
 * Anywhere else the usual idle rule holds.
 */
export function screenHold(screen: Screen, submission: Submission | undefined): ScreenHold {
  if (!submission || !statusScreens.has(screen.name)) return 'idle';
  return statusTable[statusOfSubmission(submission)].hold;
}
