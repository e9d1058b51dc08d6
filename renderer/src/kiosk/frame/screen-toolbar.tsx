import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAfterFirstPaint } from '../../api/after-first-paint';
import { DisplayToggles, useDefaultDisplay } from '../controls/display-prefs';
import { ReadAloudButton } from '../controls/read-aloud';
import { useKiosk } from '../session/kiosk-context';
import { isPristine } from '../session/session-state';
import { LanguageMenu } from './language-menu';

/** The tools on every screen: start over (once there is anything to start over), language, display settings, read aloud. */
export function ScreenToolbar({ mainRef, onWelcome }: { mainRef: RefObject<HTMLElement | null>; onWelcome: boolean }) {
  const { t, i18n } = useTranslation('kiosk');
  const { bootstrap, startOver, state, submission } = useKiosk();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // The untouched welcome screen holds nothing to start over from.
  const defaultDisplay = useDefaultDisplay();
  // Read aloud shows only once a voice is known (voices load late, or never), so it can start after the first paint
  // and keep the speech engine's start off it.
  const painted = useAfterFirstPaint();
  const untouched =
    onWelcome && isPristine(state) && submission === undefined && language === bootstrap.profile.languages.default && defaultDisplay;
  return (
    <div className="toolbar" role="group" aria-label={t('frame.tools')}>
      {!untouched && (
        <button type="button" className="button button--quiet" onClick={startOver}>
          {t('frame.startOver')}
        </button>
      )}
      {/* The welcome screen shows every language as a large button already. */}
      {!onWelcome && <LanguageMenu languages={bootstrap.languages} />}
      <DisplayToggles />
      {painted && <ReadAloudButton targetRef={mainRef} language={language} />}
    </div>
  );
}
