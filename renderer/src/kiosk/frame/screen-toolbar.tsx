import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayToggles } from '../controls/display-prefs';
import { ReadAloudButton } from '../controls/read-aloud';
import { useKiosk } from '../session/kiosk-context';
import { LanguageMenu } from './language-menu';

/** The tools on every screen: start over, language, display settings, read aloud. */
export function ScreenToolbar({ mainRef, onWelcome }: { mainRef: RefObject<HTMLElement | null>; onWelcome: boolean }) {
  const { t, i18n } = useTranslation('kiosk');
  const { bootstrap, startOver } = useKiosk();
  return (
    <div className="toolbar" role="group" aria-label={t('frame.tools')}>
      <button type="button" className="button button--quiet" onClick={startOver}>
        {t('frame.startOver')}
      </button>
      {/* The welcome screen shows every language as a large button already. */}
      {!onWelcome && <LanguageMenu languages={bootstrap.languages} />}
      <DisplayToggles />
      <ReadAloudButton targetRef={mainRef} language={i18n.resolvedLanguage ?? i18n.language} />
    </div>
  );
}
