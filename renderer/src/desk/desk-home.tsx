import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadyBootstrap } from '../../../shared/bootstrap';
import type { LobbyApi } from '../../../shared/contract';
import { AdminButton } from '../admin/admin-button';
import { LanguagePicker } from '../common/language-picker';
import { useDocumentLanguage } from '../common/use-document-language';
import { DeskAlerts } from './desk-alerts';
import { DeskNav, type DeskView } from './desk-nav';
import { HistoryView } from './history-view';
import { LiveView } from './live-view';
import { ReportView } from './report-view';
import { useDeskState } from './use-desk-state';
import '../styles/desk.css';

/**
 * The desk officer's console: live requests and kiosk health, history and
 * program reports. Alerts (banner, sound, announcements) stay on whichever
 * view is open, so a new request is never missed while reading a report.
 */
export function DeskHome({ bootstrap, api }: { bootstrap: ReadyBootstrap; api: LobbyApi }) {
  const { t } = useTranslation('desk');
  useDocumentLanguage(bootstrap.languages);
  // After useDocumentLanguage's effect, so the window is named as the console, not as the public kiosk.
  const title = `${t('title')} — ${bootstrap.placeName}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  const [view, setView] = useState<DeskView>('live');
  const desk = useDeskState(api);
  return (
    <main className="screen screen--desk" data-screen="desk-home" data-view={view}>
      <header className="masthead">
        <h1>{t('title')}</h1>
        <p>{t('place', { place: bootstrap.placeName, id: bootstrap.deviceId })}</p>
        <p className="masthead__agency">{bootstrap.profile.agency.name}</p>
        {/* In the header, where they are in view on any monitor (at the foot of a long list they fell below a 1080 px screen). */}
        <LanguagePicker languages={bootstrap.languages} />
        <AdminButton />
      </header>
      <DeskAlerts desk={desk} onShowRequests={view === 'live' ? undefined : () => setView('live')} />
      <DeskNav view={view} onChoose={setView} />
      {view === 'live' && <LiveView state={desk.state} api={api} naloxoneAtDesk={bootstrap.profile.program.naloxoneAtDesk} />}
      {view === 'history' && <HistoryView api={api} />}
      {view === 'reports' && <ReportView api={api} />}
    </main>
  );
}
