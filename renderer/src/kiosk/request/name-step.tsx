import { Suspense, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/controls.css';
import { BackBar } from '../parts/back-bar';
import { LazyOnScreenKeyboard } from '../parts/lazy-parts';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import { firstNameMaxLength } from '../../../../shared/request-rules';
import { firstNameProblem, type FirstNameProblem } from './first-name-problem';
import { afterName } from '../session/session-state';
import { StepProgress } from './step-progress';

const problemKeys: Record<FirstNameProblem, string> = {
  lettersOnly: 'request.name.lettersOnly',
  tooLong: 'request.name.tooLong',
};

/**
 * An optional first name, typed on the kiosk's own keyboard (a physical
 * keyboard works too). The name lives only in this visit's state.
 */
export function NameStep() {
  const { t, i18n } = useTranslation('kiosk');
  const { state, dispatch } = useKiosk();
  const input = useRef<HTMLInputElement>(null);
  const ids = { rules: useId(), problem: useId() };
  const name = state.answers.firstName;
  const problem = firstNameProblem(name);
  const setName = (firstName: string) => dispatch({ type: 'answer', answers: { firstName } });

  const next = () => {
    if (problem) {
      input.current?.focus();
      return;
    }
    dispatch({ type: 'step-done', next: afterName(state.answers) });
  };
  const skip = () => {
    setName('');
    dispatch({ type: 'step-done', next: afterName(state.answers) });
  };

  return (
    <>
      <StepProgress step="request-name" />
      <ScreenHeading>{t('request.name.title')}</ScreenHeading>
      <p className="lead">{t('request.name.hint')}</p>
      <div className="field">
        <label htmlFor="first-name">{t('request.name.label')}</label>
        <input
          ref={input}
          id="first-name"
          className="field__input"
          type="text"
          // The kiosk's keyboard is on screen; the system's touch keyboard would cover it.
          inputMode="none"
          // Never let the browser remember a name for the next person.
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          value={name}
          onChange={(event) => setName(event.target.value)}
          // A physical keyboard's Enter moves on, as the on-screen "Next" does.
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              next();
            }
          }}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids.rules} ${ids.problem}` : ids.rules}
        />
        <p id={ids.rules} className="field__rules">
          {t('request.name.rules', { max: firstNameMaxLength })}
        </p>
        {problem && (
          <p id={ids.problem} className="field__problem" role="alert">
            {t(problemKeys[problem], { max: firstNameMaxLength })}
          </p>
        )}
      </div>
      <div className="screen-actions">
        <button type="button" className="button button--primary" onClick={next}>
          {t('request.name.next')}
        </button>
        <button type="button" className="button" onClick={skip}>
          {t('request.name.skip')}
        </button>
      </div>
      <div data-no-read-aloud="">
        {/* On a slow machine the keyboard's chunk can come after the step: its place is held, so nothing moves under a finger. */}
        <Suspense fallback={<div className="osk osk--waiting" aria-hidden="true" data-keyboard-waiting="" />}>
          <LazyOnScreenKeyboard
            value={name}
            onChange={setName}
            language={i18n.resolvedLanguage ?? i18n.language}
            maxLength={firstNameMaxLength}
            onDone={next}
            label={t('request.name.keyboard')}
          />
        </Suspense>
      </div>
      <BackBar />
    </>
  );
}
