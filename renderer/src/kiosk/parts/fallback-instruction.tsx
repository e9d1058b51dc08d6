import { useTranslation } from 'react-i18next';
import { useKiosk } from '../session/kiosk-context';

/** Another way to reach a person: the window, the lobby phone where there is one, the department's number. */
export function FallbackInstruction({ stillTrying }: { stillTrying: boolean }) {
  const { t } = useTranslation('kiosk');
  const { bootstrap } = useKiosk();
  return (
    <div className="notice notice--warning" data-fallback="">
      <p className="notice__title">{t('fallback.lead')}</p>
      <ul className="bullets">
        <li>{t('fallback.window')}</li>
        {bootstrap.profile.agency.lobbyPhone && <li>{t('fallback.lobbyPhone')}</li>}
        <li>{t('fallback.call')}</li>
      </ul>
      {stillTrying && <p>{t('fallback.stillTrying')}</p>}
    </div>
  );
}
