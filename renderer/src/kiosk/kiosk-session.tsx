import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadyBootstrap } from '../../../shared/bootstrap';
import type { LobbyApi } from '../../../shared/contract';
import type { RequestInput } from '../../../shared/request';
import { KioskFrame } from './frame/kiosk-frame';
import { warmLazyParts } from './parts/lazy-parts';
import { CurrentScreen } from './screens/current-screen';
import { KioskContext, type KioskContextValue } from './session/kiosk-context';
import { firstNameProblem } from './request/first-name-problem';
import { currentScreen, initialSession, isPristine, sessionReducer, type Answers } from './session/session-state';
import { screenHold } from './session/screen-hold';
import { useRequestSubmission } from './session/use-request-submission';
import type { ScreenHold } from '../../../shared/request-status';

/** The typed first name when it may be sent; otherwise nothing (an emergency is never held up by a typo). */
function sendableName(answers: Answers): Pick<RequestInput, 'firstName'> {
  const name = answers.firstName.trim();
  return name !== '' && firstNameProblem(name) === null ? { firstName: name } : {};
}

/**
 * One person's visit. Every answer lives in this component's state, and the
 * kiosk remounts it on reset, so nothing typed survives into the next visit.
 */
export function KioskSession(props: {
  bootstrap: ReadyBootstrap;
  api: LobbyApi;
  onStartOver(): void;
  /** Told whether the visit has begun, so the idle guard only watches a screen that holds something. */
  onPristineChange(pristine: boolean): void;
  /** Told whether the screen waits with the person for the officer's answer (see screen-hold.ts). */
  onHoldChange(hold: ScreenHold): void;
}) {
  const { bootstrap, api, onStartOver, onPristineChange, onHoldChange } = props;
  const { i18n } = useTranslation();
  const [state, dispatch] = useReducer(sessionReducer, initialSession);
  const { submission, submit } = useRequestSubmission(api);
  const language = i18n.resolvedLanguage ?? i18n.language;

  const pristine = isPristine(state) && submission === undefined;
  useEffect(() => onPristineChange(pristine), [pristine, onPristineChange]);
  const hold = screenHold(currentScreen(state), submission);
  useEffect(() => onHoldChange(hold), [hold, onHoldChange]);
  // Once a visit begins, fetch the keyboard's chunk: it is a few taps away, and the welcome screen never needs it.
  useEffect(() => {
    if (!pristine) warmLazyParts();
  }, [pristine]);

  const hasLiveRequest = submission !== undefined && submission.state !== 'not-saved';

  const chooseHelp = useCallback<KioskContextValue['chooseHelp']>(
    (kind) => dispatch(hasLiveRequest ? { type: 'go', screen: { name: 'status' } } : { type: 'start-request', kind }),
    [hasLiveRequest],
  );

  const emergency = useCallback(() => {
    // An emergency outranks a request already sent, so it pages again; a second tap on emergency does not.
    const alreadyUrgent = submission !== undefined && submission.state !== 'not-saved' && priorityOfSubmission(submission) === 'emergency';
    if (!alreadyUrgent) {
      submit({ kind: 'emergency', turningIn: state.answers.turningIn ?? false, dangerNow: true, language, ...sendableName(state.answers) });
    }
    dispatch({ type: 'go', screen: { name: 'emergency' } });
  }, [submission, submit, state.answers, language]);

  const sendRequest = useCallback(() => {
    const { kind, turningIn, dangerNow } = state.answers;
    if (!kind) return;
    // One visit pages the desk once: an officer is already coming for the request sent (an emergency, then Back).
    if (!hasLiveRequest)
      submit({ kind, turningIn: turningIn ?? false, dangerNow: dangerNow ?? false, language, ...sendableName(state.answers) });
    dispatch({ type: 'go', screen: { name: 'status' } });
  }, [state.answers, submit, language, hasLiveRequest]);

  const value = useMemo<KioskContextValue>(
    () => ({ bootstrap, state, dispatch, submission, chooseHelp, emergency, sendRequest, startOver: onStartOver }),
    [bootstrap, state, submission, chooseHelp, emergency, sendRequest, onStartOver],
  );

  return (
    <KioskContext.Provider value={value}>
      <KioskFrame screen={currentScreen(state)}>
        <CurrentScreen screen={currentScreen(state)} />
      </KioskFrame>
    </KioskContext.Provider>
  );
}

function priorityOfSubmission(submission: NonNullable<KioskContextValue['submission']>) {
  return submission.state === 'saved' ? submission.view.priority : submission.priority;
}
