import { useTranslation } from 'react-i18next';
import type { LanguageInfo } from '../../../shared/bootstrap';
import { LanguagePicker } from './language-picker';
import { useDocumentLanguage } from './use-document-language';

/**
 * What the public sees when this machine cannot work (bad configuration, lost
 * connection to main): calm, and always pointing to a person who can help.
 * The technical reason goes to the log, never to this screen.
 */
export function OutOfServiceScreen(props: {
  languages: readonly LanguageInfo[];
  reason: 'config' | 'connection';
  /** The department's number, when the agency profile was valid enough to know it. */
  hasPhone: boolean;
}) {
  const { languages, reason, hasPhone } = props;
  const { t } = useTranslation('common');
  useDocumentLanguage(languages);
  return (
    <main className="screen screen--plain" data-screen="out-of-service" data-reason={reason}>
      {/* Held for 5 seconds, the title opens the admin PIN pad, so an administrator can fix or turn back on a machine that is out of service. */}
      <h1 data-admin-door>{t('outOfService.title')}</h1>
      <p className="lead">{reason === 'connection' ? t('connectionLost') : t('outOfService.body')}</p>
      <p className="notice notice--urgent">{t('outOfService.emergency')}</p>
      {hasPhone && <p>{t('outOfService.phone')}</p>}
      <LanguagePicker languages={languages} />
    </main>
  );
}
