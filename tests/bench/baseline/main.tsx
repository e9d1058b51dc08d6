/**
 * The benchmarks' yardstick: a plain React + i18next page, built by the bench
 * with the renderer's own Vite settings, that draws a screen like the kiosk's
 * welcome and home with the same translations, fonts and stylesheets, and
 * nothing else: no bootstrap call, no chunks, no app shell. The kiosk is
 * measured against it in the same run, so the ratio says what the app adds.
 */
import i18next from 'i18next';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import '../../../renderer/src/styles/kiosk-fonts.css';
import '../../../renderer/src/styles/app.css';
import '../../../renderer/src/styles/kiosk.css';
import '../../../renderer/src/styles/kiosk-layout.css';
import { languages, resources, values } from './words';

function Screen() {
  const { t, i18n } = useTranslation('kiosk');
  const [screen, setScreen] = useState<'welcome' | 'home'>('welcome');
  const picker = (
    <nav className="language-picker" aria-label="Choose your language">
      <ul className="inline-list">
        {languages.map((language) => (
          <li key={language.code}>
            <button
              type="button"
              className="button button--language"
              lang={language.code}
              aria-pressed={language.code === i18n.resolvedLanguage}
              onClick={() => void i18n.changeLanguage(language.code)}
            >
              {language.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
  if (screen === 'welcome') {
    return (
      <main className="screen" data-screen="welcome">
        <h1>{t('welcome.title')}</h1>
        <p>{t('welcome.body', values)}</p>
        <button type="button" className="button button--primary" onClick={() => setScreen('home')}>
          {t('welcome.start')}
        </button>
        <p>{t('welcome.howToAsk', values)}</p>
        <p>{t('welcome.emergency', values)}</p>
        {picker}
      </main>
    );
  }
  return (
    <main className="screen" data-screen="home">
      <h1>{t('home.title')}</h1>
      {(['helpSelf', 'helpSomeone', 'dropOff', 'faq'] as const).map((key) => (
        <button key={key} type="button" className="button">
          {t(`home.${key}`)}
        </button>
      ))}
      <button type="button" className="button" onClick={() => setScreen('welcome')}>
        {t('frame.startOver')}
      </button>
      {picker}
    </main>
  );
}

void i18next
  .use(initReactI18next)
  .init({ resources, lng: 'en', fallbackLng: 'en', defaultNS: 'kiosk', interpolation: { escapeValue: false } })
  .then(() => {
    const container = document.getElementById('root');
    if (!container) return;
    createRoot(container).render(
      <StrictMode>
        <I18nextProvider i18n={i18next}>
          <Screen />
        </I18nextProvider>
      </StrictMode>,
    );
  });
