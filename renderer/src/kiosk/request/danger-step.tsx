import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import { StepProgress } from './step-progress';
import { YesNo } from './yes-no';

/** Asked first, so that no one in danger answers other questions: yes pages the desk at top priority. */
export function DangerStep() {
  const { t } = useTranslation('kiosk');
  const { dispatch, emergency } = useKiosk();
  return (
    <>
      <StepProgress step="request-danger" />
      <ScreenHeading>{t('request.danger.title')}</ScreenHeading>
      <p className="lead">{t('request.danger.hint')}</p>
      <YesNo
        urgentYes
        yes={t('request.danger.yes')}
        no={t('request.danger.no')}
        onAnswer={(danger) => {
          dispatch({ type: 'answer', answers: { dangerNow: danger } });
          if (danger) emergency();
          else dispatch({ type: 'step-done', next: { name: 'request-name' } });
        }}
      />
      <BackBar />
    </>
  );
}
