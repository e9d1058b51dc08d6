/**
 * The second yardstick: the kiosk's first screen as the kiosk draws it (the
 * same markup and classes, so the same full-height layout: masthead,
 * language buttons, welcome, the two notices, the tool bar's two display
 * buttons), drawn by a plain React + i18next page with nothing else, like
 * the baseline page (../main.tsx). The baseline page draws the same words in
 * a quarter of the screen; this page tells how much of the kiosk's first
 * paint is drawing its screen at all, and how much is what the app does
 * before it. Only for first paint (kiosk.bench.ts); it has no other screen.
 */
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import '../../../../renderer/src/styles/kiosk-fonts.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import '../../../../renderer/src/styles/app.css';
import '../../../../renderer/src/styles/kiosk.css';
import '../../../../renderer/src/styles/kiosk-layout.css';
import '../../../../renderer/src/styles/controls.css';
import { languages, resources, values } from '../words';

function Screen() {
  const { t, i18n } = useTranslation('kiosk');
  return (
    <div className="idle-guard">
      <div className="idle-guard__content">
        <div className="kiosk">
          <header className="masthead">
            <p className="masthead__agency">{values.agency}</p>
            <p className="masthead__program">{values.program}</p>
          </header>
          <main className="screen kiosk-screen" data-screen="welcome">
            <nav className="language-picker" aria-label="Choose your language">
              <ul className="inline-list">
                {languages.map((language) => (
                  <li key={language.code}>
                    <button
                      type="button"
                      className="button button--language"
                      lang={language.code}
                      dir={language.code === 'ar' ? 'rtl' : 'ltr'}
                      aria-pressed={language.code === i18n.resolvedLanguage}
                      onClick={() => void i18n.changeLanguage(language.code)}
                    >
                      {language.name}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
            <h1 className="screen-heading" tabIndex={-1}>
              {t('welcome.title')}
            </h1>
            <p className="lead">{t('welcome.body', values)}</p>
            <button type="button" className="button button--primary button--start">
              {t('welcome.start')}
            </button>
            <p className="notice">{t('welcome.howToAsk', values)}</p>
            <div className="notice notice--urgent notice--with-action">
              <p>{t('welcome.emergency', values)}</p>
              <button type="button" className="button button--urgent">
                {t('welcome.emergencyButton')}
              </button>
            </div>
          </main>
          <div className="toolbar" role="group">
            <div className="display-toggles" role="group">
              <button type="button" className="button" aria-pressed="false">
                {t('controls:display.largeText')}
              </button>
              <button type="button" className="button" aria-pressed="false">
                {t('controls:display.highContrast')}
              </button>
            </div>
          </div>
        </div>
      </div>
    </div>
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
