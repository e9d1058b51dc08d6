import { useTranslation } from 'react-i18next';
import { ackKeys } from '../parts/ack-keys';
import { BackBar } from '../parts/back-bar';
import { OverdoseSigns } from '../parts/overdose-signs';
import { RequestStatusView } from '../parts/request-status-view';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import { reportFor } from '../session/request-status';

/**
 * Someone may be overdosing. The desk was paged at top priority by the tap
 * that opened this screen; the screen says to call 911 and tell the officer
 * first, then how far the page has got, then the signs and what to do.
 * Once an officer's answer says they called 911 (and only then), the banner
 * says so instead of asking the person to call: the two lines must never
 * disagree on the same screen. The answer box then says only the rest of the
 * officer's answer ("An officer is coming to you now"), so the banner and the
 * box read as one message, not the same sentence twice. The banner is a live
 * region, so a screen reader hears "We called 911" when it changes too.
 */
const emergencyAnswerKeys = { ...ackKeys, 'called-911': 'emergency.calledAnswer' };

export function EmergencyScreen() {
  const { t } = useTranslation('kiosk');
  const { bootstrap, submission } = useKiosk();
  const officerCalled = submission !== undefined && reportFor(submission).ackKey === 'called-911';
  return (
    <>
      <div className="emergency-banner" aria-live="polite" aria-atomic="true">
        <ScreenHeading>{t(officerCalled ? 'emergency.calledTitle' : 'emergency.title')}</ScreenHeading>
        <p className="lead">{t(officerCalled ? 'emergency.calledStay' : 'emergency.tellOfficer')}</p>
      </div>
      <section aria-labelledby="emergency-page">
        <h2 id="emergency-page">{t('emergency.pageTitle')}</h2>
        {submission && <RequestStatusView submission={submission} answerKeys={emergencyAnswerKeys} />}
      </section>
      <OverdoseSigns naloxoneAtDesk={bootstrap.profile.program.naloxoneAtDesk} />
      <BackBar />
    </>
  );
}
