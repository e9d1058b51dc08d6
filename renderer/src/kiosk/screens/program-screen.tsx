import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { TreatmentSteps } from '../parts/treatment-steps';
import { useKiosk } from '../session/kiosk-context';

/** The program in three sentences, its hours, and what happens after you ask. */
export function ProgramScreen() {
  const { t } = useTranslation('kiosk');
  const { bootstrap, chooseHelp, dispatch } = useKiosk();
  return (
    <>
      <ScreenHeading>{t('program.title')}</ScreenHeading>
      <div className="prose">
        <p className="lead">{t('program.what')}</p>
        <p>{t('program.how')}</p>
        <p>{t('program.choice')}</p>
        <p>{bootstrap.profile.program.openAllHours ? t('program.hoursAlways') : t('program.hoursAsk')}</p>
      </div>
      <TreatmentSteps headingLevel={2} />
      <div className="screen-actions">
        <button type="button" className="button button--primary" onClick={() => chooseHelp('help-self')}>
          {t('program.ask')}
        </button>
        <button type="button" className="button" onClick={() => dispatch({ type: 'go', screen: { name: 'faq' } })}>
          {t('program.questions')}
        </button>
      </div>
      <BackBar />
    </>
  );
}
