import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageInfo } from '../../../shared/bootstrap';

/**
 * Keeps <html lang dir> and the page title in step with the chosen language,
 * so Arabic mirrors the whole layout and a screen reader names the page in the
 * person's language.
 */
export function useDocumentLanguage(languages: readonly LanguageInfo[]): void {
  const { t, i18n } = useTranslation('common');
  const code = i18n.resolvedLanguage ?? i18n.language;
  const title = t('appName');
  useEffect(() => {
    const info = languages.find((l) => l.code === code);
    document.documentElement.lang = code;
    document.documentElement.dir = info?.dir ?? 'ltr';
    document.title = title;
  }, [code, languages, title]);
}
