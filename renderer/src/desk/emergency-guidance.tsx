import { useTranslation } from 'react-i18next';

/**
 * What an officer needs first for a possible overdose, above the facts:
 * go now, call 911 if they do not breathe or wake, and the naloxone where the
 * profile says the desk keeps it.
 */
export function EmergencyGuidance({ naloxoneAtDesk }: { naloxoneAtDesk: boolean }) {
  const { t } = useTranslation('desk');
  return (
    <div className="notice notice--urgent" data-field="guidance">
      <p>
        <strong>{t('guidance.title')}</strong>
      </p>
      <ul>
        <li>{t('guidance.go')}</li>
        <li>{t('guidance.call')}</li>
        {naloxoneAtDesk && <li data-field="naloxone">{t('guidance.naloxone')}</li>}
      </ul>
    </div>
  );
}
