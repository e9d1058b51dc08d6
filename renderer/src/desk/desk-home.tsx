import { useTranslation } from 'react-i18next';
import type { ReadyBootstrap } from '../../../shared/bootstrap';
import { LanguagePicker } from '../common/language-picker';
import { useDocumentLanguage } from '../common/use-document-language';

/** The desk officer's console. It says plainly that receiving requests is not built yet. */
export function DeskHome({ bootstrap }: { bootstrap: ReadyBootstrap }) {
  const { t } = useTranslation('desk');
  useDocumentLanguage(bootstrap.languages);
  return (
    <main className="screen screen--desk" data-screen="desk-home">
      <header className="masthead">
        <h1>{t('title')}</h1>
        <p>{t('place', { place: bootstrap.placeName, id: bootstrap.deviceId })}</p>
        <p className="masthead__agency">{bootstrap.profile.agency.name}</p>
      </header>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t('requests.heading')}</h2>
        <p>{t('requests.none')}</p>
        <p className="notice">{t('requests.notConnected')}</p>
      </section>
      <LanguagePicker languages={bootstrap.languages} />
    </main>
  );
}
