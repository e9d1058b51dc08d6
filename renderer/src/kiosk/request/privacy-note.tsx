import { useTranslation } from 'react-i18next';

/** Who sees the request, what it is for, and how long it is kept (CONTENT.md topic 11). */
export function PrivacyNote() {
  const { t } = useTranslation('kiosk');
  return (
    <section className="notice" aria-labelledby="privacy-note">
      <h2 id="privacy-note" className="notice__title">
        {t('request.privacy.title')}
      </h2>
      <ul className="bullets">
        <li>{t('request.privacy.who')}</li>
        <li>{t('request.privacy.why')}</li>
        <li>{t('request.privacy.keep')}</li>
      </ul>
    </section>
  );
}
