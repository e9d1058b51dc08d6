/**
 * One person's visit to the kiosk: where they are and what they answered.
 * Everything here is forgotten on reset (the session component is remounted),
 * so nothing of one person reaches the next.
 */
import type { RequestKind } from '../../../../shared/request';
import type { Screen } from './screens';

/** The kinds a person chooses on the home screen; "emergency" has its own path. */
export type ChosenKind = Exclude<RequestKind, 'emergency'>;

export type Answers = {
  kind?: ChosenKind;
  /** What the person typed; validated before it can be sent. */
  firstName: string;
  turningIn?: boolean;
  dangerNow?: boolean;
};

export type SessionState = {
  /** The screens visited, the current one last; Back pops one. */
  history: Screen[];
  answers: Answers;
  /** Set when a step was opened from the review to change one answer: finishing it returns to the review. */
  editing: boolean;
};

export type SessionAction =
  | { type: 'go'; screen: Screen }
  | { type: 'back' }
  | { type: 'start-request'; kind: ChosenKind }
  | { type: 'answer'; answers: Partial<Answers> }
  /** Finish a request step: on to `next`, or back to the review when changing an answer. */
  | { type: 'step-done'; next: Screen }
  | { type: 'edit'; screen: Screen };

export const initialSession: SessionState = { history: [{ name: 'welcome' }], answers: { firstName: '' }, editing: false };

export function currentScreen(state: SessionState): Screen {
  return state.history.at(-1) ?? { name: 'welcome' };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'go':
      return { ...state, history: [...state.history, action.screen], editing: false };
    case 'back':
      return state.history.length > 1 ? { ...state, history: state.history.slice(0, -1), editing: false } : state;
    case 'start-request':
      return {
        ...state,
        // A drop-off is, by its nature, turning something in: that question is not asked.
        answers: { firstName: '', kind: action.kind, ...(action.kind === 'drop-off' ? { turningIn: true } : {}) },
        history: [...state.history, { name: 'request-danger' }],
        editing: false,
      };
    case 'answer':
      return { ...state, answers: { ...state.answers, ...action.answers } };
    case 'step-done':
      if (state.editing) return { ...state, history: state.history.slice(0, -1), editing: false };
      return { ...state, history: [...state.history, action.next] };
    case 'edit':
      return { ...state, history: [...state.history, action.screen], editing: true };
  }
}

/** The step after the first-name step: drop-offs skip "are you turning anything in". */
export function afterName(answers: Answers): Screen {
  return answers.kind === 'drop-off' ? { name: 'request-review' } : { name: 'request-items' };
}

/** True while the kiosk shows nothing of anyone: the welcome screen, untouched. */
export function isPristine(state: SessionState): boolean {
  return state.history.length === 1 && state.answers.firstName === '' && state.answers.kind === undefined;
}
