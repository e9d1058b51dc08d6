import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageInfo } from '../../../shared/bootstrap';

/** Keeps <html lang dir> in step with the chosen language, so Arabic mirrors the whole layout. */
export function useDocumentLanguage(languages: readonly LanguageInfo[]): void {
  const { i18n } = useTranslation();
  const code = i18n.resolvedLanguage ?? i18n.language;
  useEffect(() => {
    const info = languages.find((l) => l.code === code);
    document.documentElement.lang = code;
    document.documentElement.dir = info?.dir ?? 'ltr';
  }, [code, languages]);
}
