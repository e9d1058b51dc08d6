import { useTranslation } from 'react-i18next';
import { useKiosk } from '../session/kiosk-context';
import type { ScreenName } from '../session/screens';

/**
 * "Question 2 of 3": how far through the questions, so the person knows how
 * long it takes. The review is not a question: it says so.
 */
export function StepProgress({ step }: { step: ScreenName }) {
  const { t } = useTranslation('kiosk');
  const { state } = useKiosk();
  if (step === 'request-review') return <p className="step-progress">{t('request.review.progress')}</p>;
  const steps: ScreenName[] =
    state.answers.kind === 'drop-off' ? ['request-danger', 'request-name'] : ['request-danger', 'request-name', 'request-items'];
  return <p className="step-progress">{t('request.progress', { step: steps.indexOf(step) + 1, total: steps.length })}</p>;
}
