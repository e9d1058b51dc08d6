import { useTranslation } from 'react-i18next';
import { RequestStatusView } from '../parts/request-status-view';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';

/** After submit: the reference and the honest status; reading about the program while waiting. */
export function StatusScreen() {
  const { t } = useTranslation('kiosk');
  const { submission, dispatch } = useKiosk();
  return (
    <>
      <ScreenHeading>{t('status.title')}</ScreenHeading>
      {submission && <RequestStatusView submission={submission} />}
      <div className="screen-actions">
        <button type="button" className="button" onClick={() => dispatch({ type: 'go', screen: { name: 'program' } })}>
          {t('status.whileYouWait')}
        </button>
      </div>
    </>
  );
}
