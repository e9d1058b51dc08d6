import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';

/** How to turn in drugs or needles safely: hand them to the officer, never leave them here (CONTENT.md topic 7). */
export function DropOffScreen() {
  const { t } = useTranslation('kiosk');
  const { chooseHelp } = useKiosk();
  return (
    <>
      <ScreenHeading>{t('dropOff.title')}</ScreenHeading>
      <p className="lead">{t('dropOff.intro')}</p>
      <p>{t('dropOff.noCharges')}</p>
      <section aria-labelledby="drop-off-how">
        <h2 id="drop-off-how">{t('dropOff.howTitle')}</h2>
        <ol className="numbered">
          <li>{t('dropOff.steps.tell')}</li>
          <li>{t('dropOff.steps.needles')}</li>
          <li>{t('dropOff.steps.hand')}</li>
        </ol>
      </section>
      <p className="notice notice--urgent">{t('dropOff.never')}</p>
      <div className="screen-actions">
        <button type="button" className="button button--primary" onClick={() => chooseHelp('drop-off')}>
          {t('dropOff.callOfficer')}
        </button>
      </div>
      <BackBar />
    </>
  );
}
