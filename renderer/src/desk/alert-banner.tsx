import { useTranslation } from 'react-i18next';

/**
 * The visual half of the alert: stays until every new request is answered.
 * It says in words how many wait, so it never relies on colour; its pulse
 * stops for people who ask for reduced motion.
 */
export function AlertBanner(props: { waiting: number; emergency: boolean; onShow?: () => void }) {
  const { waiting, emergency, onShow } = props;
  const { t } = useTranslation('desk');
  if (waiting === 0) return null;
  return (
    <div className={`alert-banner${emergency ? ' alert-banner--emergency' : ''}`} data-alert="requests">
      <p className="alert-banner__text">
        <span className="alert-banner__icon" aria-hidden="true">
          !
        </span>
        {emergency ? t('alert.emergency') : t('alert.newRequest')} <span className="alert-banner__count">{t('alert.waiting')}</span>{' '}
        <strong data-field="alert-count">{waiting}</strong>
      </p>
      {onShow && (
        <button type="button" className="button button--on-alert" onClick={onShow}>
          {t('alert.show')}
        </button>
      )}
    </div>
  );
}
