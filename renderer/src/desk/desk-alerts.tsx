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
  const alerting = state?.alerting ?? [];
  // A set, not alerting.includes per request: at 1,000 open requests that was a million comparisons on every change.
  const waiting = new Set(alerting);
  const emergency = state?.requests.some((request) => request.priority === 'emergency' && waiting.has(request.id)) ?? false;
  const sound = useAlertSound(alerting.length > 0 && state?.alert.sound === true, state?.alert.repeatSeconds ?? 10);
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
      <AlertBanner waiting={alerting.length} emergency={emergency} onShow={onShowRequests} />
      <RequestAnnouncer arrived={desk.arrived} />
    </div>
  );
}
