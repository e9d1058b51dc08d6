import { useTranslation } from 'react-i18next';
import { RequestStatusView } from '../parts/request-status-view';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';

/**
 * After submit: the reference and the honest status, and nothing personal,
 * so it may stay up while the person waits (screen-hold.ts); reading about
 * the program while waiting; "Done" starts over for the next person.
 */
export function StatusScreen() {
  const { t } = useTranslation('kiosk');
  const { submission, dispatch, startOver } = useKiosk();
  return (
    <>
      <ScreenHeading>{t('status.title')}</ScreenHeading>
      {submission && <RequestStatusView submission={submission} />}
      <div className="screen-actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'go', screen: { name: 'program' } })}>
          {t('status.whileYouWait')}
        </button>
        <button type="button" className="button" onClick={startOver}>
          {t('status.done')}
        </button>
      </div>
    </>
  );
}
