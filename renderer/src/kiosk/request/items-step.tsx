import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import { StepProgress } from './step-progress';
import { YesNo } from './yes-no';

/** Whether the person is turning anything in, so the officer comes ready to take it. */
export function ItemsStep() {
  const { t } = useTranslation('kiosk');
  const { state, dispatch } = useKiosk();
  return (
    <>
      <StepProgress step="request-items" />
      <ScreenHeading>{t('request.items.title')}</ScreenHeading>
      <p className="lead">{t('request.items.hint')}</p>
      <YesNo
        yes={t('request.items.yes')}
        no={t('request.items.no')}
        current={state.answers.turningIn}
        onAnswer={(turningIn) => {
          dispatch({ type: 'answer', answers: { turningIn } });
          dispatch({ type: 'step-done', next: { name: 'request-review' } });
        }}
      />
      <BackBar />
    </>
  );
}
