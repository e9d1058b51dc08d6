import { useTranslation } from 'react-i18next';
import { useKiosk } from '../session/kiosk-context';

/** While a request is open and the person reads elsewhere, a line that leads back to its status. */
export function RequestStrip() {
  const { t } = useTranslation('kiosk');
  const { submission, dispatch } = useKiosk();
  if (!submission) return null;
  return (
    <div className="request-strip">
      <p>{submission.state === 'not-saved' ? t('status.strip.notSaved') : t('status.strip.open')}</p>
      <button type="button" className="button" onClick={() => dispatch({ type: 'go', screen: { name: 'status' } })}>
        {t('status.strip.see')}
      </button>
    </div>
  );
}
