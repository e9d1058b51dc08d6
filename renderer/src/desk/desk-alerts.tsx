import { useTranslation } from 'react-i18next';
import { AlertBanner } from './alert-banner';
import { OfflineKiosksBanner } from './offline-kiosks-banner';
import { ReceiverBanner } from './receiver-banner';
import { RequestAnnouncer } from './request-announcer';
import { useAlertSound } from './use-alert-sound';
import type { DeskStateResult } from './use-desk-state';

/**
 * Everything that must reach the officer whatever view is open: the receiver's
 * health, kiosks gone quiet, unanswered requests (banner and repeating tone,
 * with a button to turn the tone on where the browser blocks it) and spoken
 * announcements of new ones.
 */
export function DeskAlerts({ desk, onShowRequests }: { desk: DeskStateResult; onShowRequests: (() => void) | undefined }) {
  const { t } = useTranslation('desk');
  const { state } = desk;
  // The desk sums up who waits (how many, and whether the most urgent is an emergency): nothing here looks through the list.
  const waiting = state?.waiting.count ?? 0;
  const emergency = state?.waiting.emergency ?? false;
  const sound = useAlertSound(waiting > 0 && state?.alert.sound === true, state?.alert.repeatSeconds ?? 10);
  return (
    <div className="desk-alerts">
      {sound.blocked && (
        <div className="notice notice--urgent" role="alert" data-alert="sound-blocked">
          <p>{t('alert.soundBlocked')}</p>
          <button type="button" className="button button--primary" onClick={sound.unlock}>
            {t('alert.turnOnSound')}
          </button>
        </div>
      )}
      {desk.failed && (
        <p className="notice notice--urgent" role="alert">
          {t('requests.unavailable')}
        </p>
      )}
      {state && <ReceiverBanner receiver={state.receiver} />}
      {state && <OfflineKiosksBanner kiosks={state.kiosks} />}
      <AlertBanner waiting={waiting} emergency={emergency} onShow={onShowRequests} />
      <RequestAnnouncer arrived={desk.arrived} />
    </div>
  );
}
