import { useTranslation } from 'react-i18next';
import type { DeskRequestView } from '../../../shared/desk';
import { AlertBanner } from './alert-banner';
import { OfflineKiosksBanner } from './offline-kiosks-banner';
import { ReceiverBanner } from './receiver-banner';
import { RequestAnnouncer } from './request-announcer';
import { useAlertSound } from './use-alert-sound';
import type { DeskStateResult } from './use-desk-state';

/**
 * Whether an emergency waits for an answer. The core lists waiting requests
 * most urgent first, and emergencies come first among the open ones, so only
 * the first waiting request can tell, and it is among the emergencies at the
 * top when it is one: no look through every open request (at 1,000 open,
 * on every change).
 */
function waitingEmergency(requests: readonly DeskRequestView[], alerting: readonly string[]): boolean {
  const first = alerting[0];
  if (first === undefined) return false;
  for (const request of requests) {
    if (request.priority !== 'emergency') return false;
    if (request.id === first) return true;
  }
  return false;
}

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
  const emergency = state ? waitingEmergency(state.requests, alerting) : false;
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
