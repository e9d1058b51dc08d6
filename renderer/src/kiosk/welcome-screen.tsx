import { useTranslation } from 'react-i18next';
import type { ReadyBootstrap } from '../../../shared/bootstrap';
import { LanguagePicker } from '../common/language-picker';

/** The first thing a person sees: the language choice first, then what this is and how to ask. */
export function WelcomeScreen({ bootstrap }: { bootstrap: ReadyBootstrap }) {
  const { t } = useTranslation('kiosk');
  return (
    <main className="screen" data-screen="welcome">
      <header className="masthead">
        <p className="masthead__agency">{bootstrap.profile.agency.name}</p>
        <p className="masthead__program">{bootstrap.profile.program.name}</p>
      </header>
      <LanguagePicker languages={bootstrap.languages} />
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.body')}</p>
      <p className="notice">{t('welcome.howToAsk')}</p>
      <p className="notice notice--urgent">{t('welcome.emergency')}</p>
    </main>
  );
}
