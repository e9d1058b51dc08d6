import { useTranslation } from 'react-i18next';
import { useKiosk } from '../session/kiosk-context';
import type { ScreenName } from '../session/screens';

/** "Step 2 of 4": how far through the questions, so the person knows how long it takes. */
export function StepProgress({ step }: { step: ScreenName }) {
  const { t } = useTranslation('kiosk');
  const { state } = useKiosk();
  const steps: ScreenName[] =
    state.answers.kind === 'drop-off'
      ? ['request-danger', 'request-name', 'request-review']
      : ['request-danger', 'request-name', 'request-items', 'request-review'];
  return <p className="step-progress">{t('request.progress', { step: steps.indexOf(step) + 1, total: steps.length })}</p>;
}
