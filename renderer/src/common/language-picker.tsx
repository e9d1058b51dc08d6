import { useTranslation } from 'react-i18next';
import type { LanguageInfo } from '../../../shared/bootstrap';

/** One large button per enabled language, each named in its own language and script. */
export function LanguagePicker({ languages, onChosen }: { languages: readonly LanguageInfo[]; onChosen?: () => void }) {
  const { t, i18n } = useTranslation('common');
  if (languages.length < 2) return null;
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <nav className="language-picker" aria-label={t('chooseLanguage')}>
      <ul className="inline-list">
        {languages.map((language) => (
          <li key={language.code}>
            <button
              type="button"
              className="button button--language"
              lang={language.code}
              dir={language.dir}
              aria-pressed={language.code === current}
              onClick={() => {
                void i18n.changeLanguage(language.code);
                onChosen?.();
              }}
            >
              {language.nativeName}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
