import { useTranslation } from 'react-i18next';
import type { FallbackMode } from '../../../../shared/request-status';
import { useKiosk } from '../session/kiosk-context';

/**
 * Another way to reach a person: the window, the lobby phone where there is
 * one, the department's number. "also" when the desk has the request but has
 * not answered; "while-trying" adds that the kiosk keeps trying.
 */
export function FallbackInstruction({ mode }: { mode: Exclude<FallbackMode, 'none'> }) {
  const { t } = useTranslation('kiosk');
  const { bootstrap } = useKiosk();
  return (
    <div className="notice notice--warning" data-fallback={mode}>
      <p className="notice__title">{mode === 'also' ? t('fallback.alsoLead') : t('fallback.lead')}</p>
      <ul className="bullets">
        <li>{t('fallback.window')}</li>
        {bootstrap.profile.agency.lobbyPhone && <li>{t('fallback.lobbyPhone')}</li>}
        <li>{t('fallback.call')}</li>
      </ul>
      {mode === 'while-trying' && <p>{t('fallback.stillTrying')}</p>}
    </div>
  );
}
