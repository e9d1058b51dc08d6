import { useTranslation } from 'react-i18next';
import type { KioskHealthView } from '../../../shared/desk';

/** A kiosk that stopped sending heartbeats may have people in front of it who cannot get help: say so at the top. */
export function OfflineKiosksBanner({ kiosks }: { kiosks: readonly KioskHealthView[] }) {
  const { t } = useTranslation('desk');
  const offline = kiosks.filter((kiosk) => !kiosk.online);
  if (offline.length === 0) return null;
  return (
    <div className="notice notice--urgent desk-banner" role="alert" data-alert="kiosk-offline">
      <p>
        {t('kiosks.offlineAlert')} {offline.map((kiosk) => `${kiosk.location} (${kiosk.kioskId})`).join(', ')}
      </p>
      <p className="desk-banner__advice">{t('kiosks.offlineAdvice')}</p>
    </div>
  );
}
