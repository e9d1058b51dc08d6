import { createContext, useContext, type Dispatch } from 'react';
import type { ReadyBootstrap } from '../../../../shared/bootstrap';
import type { Submission } from './request-status';
import type { ChosenKind, SessionAction, SessionState } from './session-state';

/** What every kiosk screen may read and do, for the current person only. */
export type KioskContextValue = {
  bootstrap: ReadyBootstrap;
  state: SessionState;
  dispatch: Dispatch<SessionAction>;
  submission: Submission | undefined;
  /** Home choices: start the questions, or show the request already sent. */
  chooseHelp(kind: ChosenKind): void;
  /** Pages the desk at top priority at once (or shows the emergency already sent) and shows the emergency screen. */
  emergency(): void;
  /** Sends the reviewed answers and shows their status. */
  sendRequest(): void;
  /** Forgets this person: answers, screen, language, display settings. */
  startOver(): void;
};

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk must be used inside the kiosk session');
  return value;
}
